import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook bodies are signed: X-Lodestone-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>" with the endpoint's secret>, X-Lodestone-Timestamp the
 * Unix seconds (receivers refuse old timestamps to stop replays).
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function verifyWebhook(
  secret: string,
  timestamp: string | undefined,
  body: string,
  signature: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
