import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/generated/client";
import { enqueue, type OutboxInput } from "./outbox";

/**
 * The kinds a webhook subscription filters by: an event's topic starts with
 * its kind ("risk.create", "gate.review.decide", "project.change"). A
 * subscription lists kinds or exact topics; none: everything.
 */
export const EVENT_KINDS = ["project", "milestone", "report", "risk", "gate", "capex", "kpi", "document", "org", "user", "token", "webhook"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Whether a subscription's filter takes the topic: empty takes all; "risk" takes "risk.create"; "report.published" takes itself. */
export function topicMatches(filters: readonly string[], topic: string): boolean {
  return !filters.length || filters.some((f) => topic === f || topic.startsWith(`${f}.`));
}

export interface WebhookEvent {
  id: string;
  topic: string;
  occurredAt: string;
  data: Prisma.InputJsonValue;
}

type Endpoint = { id: string; topics: string[] };

/**
 * The active endpoints, read once per transaction: a bulk change (an import,
 * moving many projects) writes one audit entry per record, and each would
 * otherwise ask again. The transaction client is the key, so the cache dies
 * with it.
 */
const endpointsByTx = new WeakMap<object, Promise<Endpoint[]>>();

function activeEndpoints(tx: Prisma.TransactionClient): Promise<Endpoint[]> {
  let found = endpointsByTx.get(tx);
  if (!found) {
    found = tx.webhookEndpoint.findMany({ where: { active: true }, select: { id: true, topics: true } });
    endpointsByTx.set(tx, found);
  }
  return found;
}

/**
 * Puts one webhook event in the outbox for every active endpoint that takes
 * its topic, inside the caller's transaction: the event exists if and only if
 * the change committed. The runner (lib/jobs/runner.ts) delivers, signs and
 * retries it. The same eventId twice is enqueued once per endpoint.
 */
export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  topic: string,
  data: Prisma.InputJsonValue,
  eventId: string = randomUUID(),
): Promise<number> {
  return emitWebhookEvents(tx, [{ topic, data, eventId }]);
}

/**
 * Many events at once (a bulk import: one per changed record), in as few
 * outbox statements as enqueue's chunks: the same messages as one
 * emitWebhookEvent per event, without a round trip each.
 */
export async function emitWebhookEvents(
  tx: Prisma.TransactionClient,
  events: readonly { topic: string; data: Prisma.InputJsonValue; eventId?: string }[],
): Promise<number> {
  if (!events.length) return 0;
  const endpoints = await activeEndpoints(tx);
  if (!endpoints.length) return 0;
  const occurredAt = new Date().toISOString();
  const messages: OutboxInput[] = [];
  for (const { topic, data, eventId = randomUUID() } of events) {
    const event: WebhookEvent = { id: eventId, topic, occurredAt, data };
    for (const e of endpoints)
      if (topicMatches(e.topics, topic))
        messages.push({
          channel: "webhook",
          topic,
          payload: { endpointId: e.id, event } as unknown as Prisma.InputJsonValue,
          dedupeKey: `webhook:${e.id}:${eventId}`,
        });
  }
  return enqueue(tx, messages);
}
