import type { Prisma } from "../db/generated/client";
import type { HistoryEntry } from "../projects/types";

/**
 * What a history entry (a StatusUpdate with its field changes) is read with,
 * and how it is shown: the one mapper for the project page's history, the
 * conflict panel's "changed meanwhile" and the dashboard's recent updates.
 * Field changes come in field order everywhere (one reader had them unordered).
 */
export const historyEntrySelect = {
  id: true,
  origin: true,
  authorName: true,
  occurredAt: true,
  comment: true,
  milestone: { select: { title: true, titleZh: true } },
  source: { select: { title: true } },
  changes: { select: { field: true, before: true, after: true }, orderBy: { field: "asc" } },
} satisfies Prisma.StatusUpdateSelect;

export type HistoryEntryRow = Prisma.StatusUpdateGetPayload<{ select: typeof historyEntrySelect }>;

export function toHistoryEntry(u: HistoryEntryRow): HistoryEntry {
  return {
    id: u.id,
    origin: u.origin,
    authorName: u.authorName,
    occurredAt: u.occurredAt.toISOString(),
    comment: u.comment,
    milestoneTitle: u.milestone?.title ?? null,
    milestoneTitleZh: u.milestone?.titleZh ?? null,
    sourceTitle: u.source?.title ?? null,
    changes: u.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
  };
}
