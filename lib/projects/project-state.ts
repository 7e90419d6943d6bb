import type { Prisma } from "../db/generated/client";
import { historyEntrySelect, toHistoryEntry } from "../history/history-entry";
import type { Health, Stage } from "./enums";
import type { FuzzyDate, HistoryEntry } from "./types";

/** The editable status of a project, as returned after a save or with a conflict. */
export interface ProjectState {
  slug: string;
  version: number;
  stage: Stage;
  health: Health;
  progressPercent: number | null;
  forecastFinish: FuzzyDate | null;
  nameEn: string;
  nameZh: string | null;
  summary: string;
  summaryZh: string | null;
}

/**
 * History entries written after `version`: what changed meanwhile. `byViewer`
 * marks the viewer's own entries (the same user saved from another tab or
 * window), so the conflict panel does not say "someone else" (issue 17.26).
 */
export async function getChangesSince(
  tx: Prisma.TransactionClient,
  { projectId, version, milestoneId, viewerId }: { projectId: string; version: number; milestoneId?: string; viewerId?: string },
): Promise<HistoryEntry[]> {
  const rows = await tx.statusUpdate.findMany({
    where: { projectId, version: { gt: version }, milestoneId: milestoneId ?? null },
    orderBy: { occurredAt: "desc" },
    select: { ...historyEntrySelect, authorId: true },
  });
  return rows.map((u) => ({ ...toHistoryEntry(u), byViewer: viewerId !== undefined && u.authorId === viewerId }));
}
