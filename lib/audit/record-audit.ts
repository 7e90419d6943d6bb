import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { emitWebhookEvent } from "../jobs/webhook-events";
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
  actor: Pick<Viewer, "id" | "name"> & { onBehalfOfId?: string | null; token?: Viewer["token"] },
  entry: AuditInput,
): Promise<void> {
  const requestId = (await currentRequestId()) ?? null;
  const audit = await tx.auditEntry.create({
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
      requestId,
    },
    select: { id: true },
  });
  // Every audited change is also a webhook event, in this same transaction (docs/decisions/0060).
  await emitWebhookEvent(
    tx,
    entry.action,
    {
      kind: entry.action.split(".")[0],
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? "",
      actor: actorOf(actor),
      auditId: audit.id,
      requestId,
    },
    audit.id,
  );
}

/** Who made a change, as events tell it: the user (or service account) and the API token used, if any. */
export function actorOf(actor: Pick<Viewer, "id" | "name"> & { token?: Viewer["token"] }): Prisma.InputJsonObject {
  return { id: actor.id, name: actor.name, ...(actor.token ? { tokenId: actor.token.id } : {}) };
}
