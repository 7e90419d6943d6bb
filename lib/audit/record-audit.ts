import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { currentRequestId } from "../log/request-context";

/** A change no signed-in user made (e.g. the identity provider's group mapping at sign-in): stored with actorId null. */
export interface SystemActor {
  id: null;
  name: string;
}

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
 * user (or a named SystemActor); `onBehalfOfId` names the user acted as, when there is one.
 */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  actor: (Pick<Viewer, "id" | "name"> | SystemActor) & { onBehalfOfId?: string | null },
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
