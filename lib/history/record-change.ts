import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";

export type Change = { field: string; before: string | null; after: string | null };

/** Writes one history entry (who, when, what changed before → after, why), inside the caller's transaction. */
export async function recordChange(
  tx: Prisma.TransactionClient,
  entry: { projectId: string; milestoneId?: string; viewer: Viewer; comment: string; version: number; changes: Change[] },
): Promise<void> {
  await tx.statusUpdate.create({
    data: {
      projectId: entry.projectId,
      milestoneId: entry.milestoneId ?? null,
      origin: "USER",
      authorId: entry.viewer.id,
      authorName: entry.viewer.name,
      occurredAt: new Date(),
      comment: entry.comment,
      version: entry.version,
      changes: { createMany: { data: entry.changes } },
    },
  });
}

/** The fields whose value differs, encoded for history. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>, encode: (field: keyof T, value: unknown) => string | null): Change[] {
  const changes: Change[] = [];
  for (const field of Object.keys(after) as (keyof T)[]) {
    if (after[field] === undefined) continue;
    const b = encode(field, before[field]);
    const a = encode(field, after[field]);
    if (a !== b) changes.push({ field: String(field), before: b, after: a });
  }
  return changes;
}
