import type { Prisma } from "../db/generated/client";
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

/** History entries written after `version`: what someone else changed meanwhile. */
export async function getChangesSince(
  tx: Prisma.TransactionClient,
  { projectId, version, milestoneId }: { projectId: string; version: number; milestoneId?: string },
): Promise<HistoryEntry[]> {
  const rows = await tx.statusUpdate.findMany({
    where: { projectId, version: { gt: version }, milestoneId: milestoneId ?? null },
    orderBy: { occurredAt: "desc" },
    include: { changes: true, milestone: { select: { title: true, titleZh: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    origin: u.origin,
    authorName: u.authorName,
    occurredAt: u.occurredAt.toISOString(),
    comment: u.comment,
    milestoneTitle: u.milestone?.title ?? null,
    milestoneTitleZh: u.milestone?.titleZh ?? null,
    sourceTitle: null,
    changes: u.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
  }));
}
