import type { Prisma } from "../../db/generated/client";

/** The project a section is captured for (already found through the reader's or writer's scope), and the period reported. */
export interface SnapshotProject {
  id: string;
  slug: string;
  /** "YYYY-MM": the month the report is for (KPIs are read for it) */
  periodId: string;
}

/** A numeric figure the pack sums; money carries its ISO 4217 currency, other figures "". */
export interface SnapshotFigure {
  key: string;
  value: string; // decimal as text: exact, any size
  currency: string;
}

export type ChangeSeverity = "good" | "info" | "warning" | "bad";

/**
 * One "what changed since the last published report" line. Its text is the
 * message `reports.changes.<kind>` with `params` (both catalogs). A bilingual
 * subject travels as `name` and `nameZh` (or `milestone` and `milestoneZh`):
 * the reader's language picks one.
 */
export interface ReportChange {
  section: string;
  kind: string;
  severity: ChangeSeverity;
  params: Record<string, string | number | null>;
}

/**
 * A part of the frozen report. Adding one is one new file exporting a
 * SnapshotSection and one line in registry.ts.
 */
export interface SnapshotSection<Data> {
  key: string;
  /** the section as the data stands now, plain JSON */
  capture(tx: Prisma.TransactionClient, project: SnapshotProject): Promise<Data>;
  /** typed figures of the section, for portfolio queries */
  figures(data: Data): SnapshotFigure[];
  /** what changed against the last published report's section (null: none, or it had no such section) */
  changes(previous: Data | null, current: Data): ReportChange[];
}
