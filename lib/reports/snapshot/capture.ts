import type { Prisma } from "../../db/generated/client";
import { SNAPSHOT_SECTIONS } from "./registry";
import type { ReportChange, SnapshotFigure, SnapshotProject } from "./types";

/** The report's frozen data: one entry per section key. */
export type Snapshot = Record<string, unknown>;

export async function captureSnapshot(tx: Prisma.TransactionClient, project: SnapshotProject): Promise<Snapshot> {
  const out: Snapshot = {};
  // One at a time: a transaction has one connection (and PGlite one session).
  for (const s of SNAPSHOT_SECTIONS) out[s.key] = await s.capture(tx, project);
  return JSON.parse(JSON.stringify(out)) as Snapshot;
}

export function snapshotFigures(snapshot: Snapshot): SnapshotFigure[] {
  return SNAPSHOT_SECTIONS.flatMap((s) => (s.key in snapshot ? s.figures(snapshot[s.key]) : []));
}

/** What changed against the previous published snapshot (none for a project's first report). */
export function snapshotChanges(previous: Snapshot | null, current: Snapshot): ReportChange[] {
  return SNAPSHOT_SECTIONS.flatMap((s) => (s.key in current ? s.changes(previous && s.key in previous ? previous[s.key] : null, current[s.key]) : []));
}
