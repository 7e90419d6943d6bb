import { randomUUID } from "node:crypto";
import type { Viewer } from "../auth/session";
import { bulkInsert } from "../db/bulk-insert";
import type { Prisma } from "../db/generated/client";
import { emitWebhookEvents } from "../jobs/webhook-events";
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
  actor: (Pick<Viewer, "id" | "name"> | SystemActor) & { onBehalfOfId?: string | null; token?: Viewer["token"] },
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
  await emitAuditEvent(tx, actor, entry, audit.id, requestId);
}

/**
 * Every audited change is also a webhook event, in this same transaction
 * (docs/decisions/0064): one per audit entry, whichever writer made it.
 */
function emitAuditEvent(
  tx: Prisma.TransactionClient,
  actor: (Pick<Viewer, "id" | "name"> | SystemActor) & { token?: Viewer["token"] },
  entry: AuditInput,
  auditId: string,
  requestId: string | null,
): Promise<number> {
  return emitWebhookEvents(tx, [auditEvent(actor, entry, auditId, requestId)]);
}

function auditEvent(
  actor: (Pick<Viewer, "id" | "name"> | SystemActor) & { token?: Viewer["token"] },
  entry: AuditInput,
  auditId: string,
  requestId: string | null,
) {
  return {
    topic: entry.action,
    data: {
      kind: entry.action.split(".")[0],
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? "",
      actor: actorOf(actor),
      auditId,
      requestId,
    },
    eventId: auditId,
  };
}

/** Who made a change, as events tell it: the user (or service account) and the API token used, if any. */
export function actorOf(actor: (Pick<Viewer, "id" | "name"> | SystemActor) & { token?: Viewer["token"] }): Prisma.InputJsonObject {
  return { id: actor.id, name: actor.name, ...(actor.token ? { tokenId: actor.token.id } : {}) };
}

/** One entry's columns, for the bulk writer (recordAudit writes through Prisma, which takes undefined for "no JSON"). */
function auditRow(actor: Pick<Viewer, "id" | "name"> & { onBehalfOfId?: string | null }, entry: AuditInput, requestId: string | null) {
  return {
    actorId: actor.id,
    actorName: actor.name,
    onBehalfOfId: actor.onBehalfOfId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? "",
    requestId,
  };
}

/**
 * Many audit entries (a bulk import: one per changed record) in one statement
 * per chunk, inside the caller's transaction. Each record keeps its own entry,
 * so whatever follows audit entries (a change event per entry) sees one per
 * changed record.
 */
export async function recordAuditMany(
  tx: Prisma.TransactionClient,
  actor: Pick<Viewer, "id" | "name"> & { onBehalfOfId?: string | null; token?: Viewer["token"] },
  entries: readonly AuditInput[],
): Promise<void> {
  if (!entries.length) return;
  const requestId = (await currentRequestId()) ?? null;
  const rows = entries.map((e) => ({ id: randomUUID(), ...auditRow(actor, e, requestId) }));
  await bulkInsert(tx, "AuditEntry", rows);
  // As recordAudit: one webhook event per entry, written in bulk too (one outbox statement per chunk).
  await emitWebhookEvents(
    tx,
    entries.map((e, i) => auditEvent(actor, e, rows[i].id, requestId)),
  );
}
