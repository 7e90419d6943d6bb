import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { AppError } from "../errors";
import { mutate, type MutationResult } from "../server/mutation";
import { webhookCreateSchema, webhookDeleteSchema, webhookSetActiveSchema } from "./webhook.validation";

/** What the admin list shows of a subscription: never its secret. */
export interface WebhookRow {
  id: string;
  url: string;
  topics: string[];
  active: boolean;
  createdAt: string;
  pending: number;
  dead: number;
}

const rowSelect = { id: true, url: true, topics: true, active: true, createdAt: true } as const;
const toRow = (e: { id: string; url: string; topics: string[]; active: boolean; createdAt: Date }, pending = 0, dead = 0): WebhookRow => ({
  ...e,
  createdAt: e.createdAt.toISOString(),
  pending,
  dead,
});

export async function listWebhookEndpoints({ viewer }: { viewer: Viewer | null }): Promise<WebhookRow[]> {
  if (!can(viewer, "webhook:manage")) return [];
  const prisma = await db();
  const [endpoints, backlog] = await Promise.all([
    prisma.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" }, select: rowSelect }),
    prisma.$queryRaw<{ endpointId: string; state: string; n: number }[]>`
      SELECT "payload"->>'endpointId' AS "endpointId", "state"::text AS "state", count(*)::int AS n
      FROM "OutboxMessage" WHERE "channel" = 'webhook' AND "state" IN ('PENDING', 'DEAD') GROUP BY 1, 2`,
  ]);
  const count = (id: string, state: string) => backlog.find((b) => b.endpointId === id && b.state === state)?.n ?? 0;
  return endpoints.map((e) => toRow(e, count(e.id, "PENDING"), count(e.id, "DEAD")));
}

/** A new subscription; its signing secret is in the result once and never shown again. */
export function createWebhookEndpoint({
  viewer,
  input,
}: {
  viewer: Viewer | null;
  input: unknown;
}): Promise<MutationResult<{ endpoint: WebhookRow; secret: string }>> {
  return mutate({
    name: "createWebhookEndpoint",
    schema: webhookCreateSchema,
    input,
    viewer,
    permission: "webhook:manage",
    run: async ({ tx, viewer, input }) => {
      const secret = `whsec_${randomBytes(32).toString("base64url")}`;
      const e = await tx.webhookEndpoint.create({ data: { url: input.url, secret, topics: [...new Set(input.kinds)] }, select: rowSelect });
      await recordAudit(tx, viewer, {
        action: "webhook.create",
        entityType: "WebhookEndpoint",
        entityId: e.id,
        before: null,
        after: { url: e.url, topics: e.topics },
      });
      return { endpoint: toRow(e), secret };
    },
  });
}

/** Pauses (events are no longer written for it; queued ones are dropped when due) or resumes a subscription. */
export function setWebhookActive({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ endpoint: WebhookRow }>> {
  return mutate({
    name: "setWebhookActive",
    schema: webhookSetActiveSchema,
    input,
    viewer,
    permission: "webhook:manage",
    run: async ({ tx, viewer, input }) => {
      const before = await tx.webhookEndpoint.findUnique({ where: { id: input.id }, select: rowSelect });
      if (!before) throw new AppError("NOT_FOUND", "noSuchWebhook");
      if (before.active === input.active) return { endpoint: toRow(before) };
      const e = await tx.webhookEndpoint.update({ where: { id: input.id }, data: { active: input.active }, select: rowSelect });
      await recordAudit(tx, viewer, {
        action: input.active ? "webhook.resume" : "webhook.pause",
        entityType: "WebhookEndpoint",
        entityId: e.id,
        before: { active: before.active },
        after: { active: e.active },
      });
      return { endpoint: toRow(e) };
    },
  });
}

/** Deletes a subscription; its queued deliveries are dropped when due (the log keeps their past tries). */
export function deleteWebhookEndpoint({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ deleted: true }>> {
  return mutate({
    name: "deleteWebhookEndpoint",
    schema: webhookDeleteSchema,
    input,
    viewer,
    permission: "webhook:manage",
    run: async ({ tx, viewer, input }) => {
      const before = await tx.webhookEndpoint.findUnique({ where: { id: input.id }, select: rowSelect });
      if (!before) throw new AppError("NOT_FOUND", "noSuchWebhook");
      await tx.webhookEndpoint.delete({ where: { id: input.id } });
      await recordAudit(tx, viewer, {
        action: "webhook.delete",
        entityType: "WebhookEndpoint",
        entityId: before.id,
        before: { url: before.url, topics: before.topics, active: before.active },
        after: null,
      });
      return { deleted: true as const };
    },
  });
}
