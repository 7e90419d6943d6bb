import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";

export interface DeliveryLine {
  id: string;
  at: string;
  channel: string;
  topic: string;
  target: string;
  ok: boolean;
  status: number | null;
  detail: string;
  attempt: number;
  state: string;
  durationMs: number;
  /** when a message that will retry is tried next */
  nextAttemptAt: string | null;
}

/** The delivery log (admins): the latest tries of e-mails and webhooks, with their outcome. */
export async function listDeliveries({
  viewer,
  limit = 200,
  channel,
}: {
  viewer: Viewer | null;
  limit?: number;
  channel?: "email" | "webhook";
}): Promise<DeliveryLine[]> {
  // Admins only: anyone else reads an empty log (the page answers 404 before asking).
  if (!can(viewer, "webhook:manage")) return [];
  const prisma = await db();
  const rows = await prisma.outboxAttempt.findMany({
    where: channel ? { message: { channel } } : {},
    orderBy: { at: "desc" },
    take: limit,
    include: { message: { select: { channel: true, topic: true, payload: true, state: true, attempts: true, availableAt: true } } },
  });
  const endpoints = new Map((await prisma.webhookEndpoint.findMany({ select: { id: true, url: true } })).map((e) => [e.id, e.url]));
  return rows.map((r) => {
    const p = r.message.payload as { to?: string; endpointId?: string };
    return {
      id: r.id,
      at: r.at.toISOString(),
      channel: r.message.channel,
      topic: r.message.topic,
      target: p.to ?? (p.endpointId ? (endpoints.get(p.endpointId) ?? p.endpointId) : ""),
      ok: r.ok,
      status: r.status,
      detail: r.detail,
      attempt: r.message.attempts,
      state: r.message.state,
      durationMs: r.durationMs,
      nextAttemptAt: r.message.state === "PENDING" ? r.message.availableAt.toISOString() : null,
    };
  });
}
