import { randomUUID } from "node:crypto";
import type { Viewer } from "../auth/session";
import { bulkInsert } from "../db/bulk-insert";
import type { Prisma } from "../db/generated/client";
import { currentRequestId } from "../log/request-context";

export interface AuditInput {
  /** dotted verb, e.g. "user.role.set", "org.unit.move" */
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  reason?: string;
}

/**
 * Writes one audit entry inside the caller's transaction, so the change and
 * its record commit or roll back together. The actor is the real signed-in
 * user; `onBehalfOfId` names the user acted as, when there is one.
 */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  actor: Pick<Viewer, "id" | "name"> & { onBehalfOfId?: string | null },
  entry: AuditInput,
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      onBehalfOfId: actor.onBehalfOfId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      reason: entry.reason ?? "",
      requestId: (await currentRequestId()) ?? null,
    },
  });
}

/**
 * Writes many audit entries in one statement per chunk (a sheet upload that
 * touches hundreds of projects): the same rows recordAudit writes, through the
 * bulk insert, in the caller's transaction.
 */
export async function recordAuditMany(
  tx: Prisma.TransactionClient,
  actor: Pick<Viewer, "id" | "name"> & { onBehalfOfId?: string | null },
  entries: readonly AuditInput[],
): Promise<void> {
  if (!entries.length) return;
  const requestId = (await currentRequestId()) ?? null;
  await bulkInsert(
    tx,
    "AuditEntry",
    entries.map((e) => ({
      id: randomUUID(),
      actorId: actor.id,
      actorName: actor.name,
      onBehalfOfId: actor.onBehalfOfId ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? "",
      requestId,
    })),
  );
}
