import { z } from "zod";
import { EVENT_KINDS } from "../jobs/webhook-events";

/** Where webhooks may go: http(s) only, no credentials in the URL (they would show in the delivery log). */
const webhookUrl = z
  .string()
  .trim()
  .max(1000)
  .pipe(z.url({ protocol: /^https?$/, message: "webhookUrl" }))
  .refine((u) => !hasCredentials(u), "webhookNoCredentials");

function hasCredentials(u: string): boolean {
  // zod runs this refinement even after the URL check failed: an unparsable address has no credentials to refuse
  try {
    const url = new URL(u);
    return Boolean(url.username || url.password);
  } catch {
    return false;
  }
}

export const webhookCreateSchema = z
  .object({
    url: webhookUrl,
    /** the kinds of change it receives; none: every kind */
    kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).default([]),
  })
  .strict();
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookSetActiveSchema = z.object({ id: z.uuid(), active: z.boolean() }).strict();
export const webhookDeleteSchema = z.object({ id: z.uuid() }).strict();
