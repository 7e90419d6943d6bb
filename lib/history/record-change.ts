import type { Viewer } from "../auth/session";
import { actorOf } from "../audit/record-audit";
import type { Prisma } from "../db/generated/client";
import { emitWebhookEvent } from "../jobs/webhook-events";

export type Change = { field: string; before: string | null; after: string | null };

/** Writes one history entry (who, when, what changed before → after, why), inside the caller's transaction. */
export async function recordChange(
  tx: Prisma.TransactionClient,
  entry: { projectId: string; milestoneId?: string; viewer: Viewer; comment: string; version: number; changes: Change[] },
): Promise<void> {
  const update = await tx.statusUpdate.create({
    select: { id: true, project: { select: { slug: true } } },
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
  // Every history entry is also a webhook event, in this same transaction (docs/decisions/0064).
  const kind = entry.milestoneId ? "milestone" : "project";
  await emitWebhookEvent(
    tx,
    `${kind}.change`,
    {
      kind,
      action: `${kind}.change`,
      project: update.project.slug,
      projectId: entry.projectId,
      milestoneId: entry.milestoneId ?? null,
      version: entry.version,
      comment: entry.comment,
      changes: entry.changes,
      actor: actorOf(entry.viewer),
      historyId: update.id,
    },
    update.id,
  );
}

/** The fields whose value differs, encoded for history. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  encode: (field: keyof T, value: unknown) => string | null,
): Change[] {
  const changes: Change[] = [];
  for (const field of Object.keys(after) as (keyof T)[]) {
    if (after[field] === undefined) continue;
    const b = encode(field, before[field]);
    const a = encode(field, after[field]);
    if (a !== b) changes.push({ field: String(field), before: b, after: a });
  }
  return changes;
}
