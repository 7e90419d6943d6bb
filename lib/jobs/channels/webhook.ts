import type { PrismaClient } from "../../db/generated/client";
import type { ChannelHandler } from "../runner";
import { signWebhook } from "../webhook-signature";

interface WebhookPayload {
  endpointId: string;
  event: { id: string; topic: string; occurredAt: string; data: unknown };
}

/** POSTs the event as JSON, HMAC-signed, to the endpoint; anything but 2xx is a failure to retry. */
export function webhookChannel(opts: { prisma: PrismaClient; timeoutMs?: number }): ChannelHandler {
  return async (message) => {
    const p = message.payload as WebhookPayload;
    const endpoint = await opts.prisma.webhookEndpoint.findUnique({ where: { id: p.endpointId } });
    if (!endpoint || !endpoint.active) return { ok: true, detail: "endpoint removed or inactive: dropped" };
    const body = JSON.stringify(p.event);
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Lodestone-Webhook/1",
        "x-lodestone-event": p.event.topic,
        "x-lodestone-delivery": message.id,
        "x-lodestone-timestamp": String(timestamp),
        "x-lodestone-signature": signWebhook(endpoint.secret, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    const text = (await res.text().catch(() => "")).slice(0, 500);
    return { ok: res.status >= 200 && res.status < 300, status: res.status, detail: text };
  };
}
