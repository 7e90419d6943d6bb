import type { Prisma } from "../db/generated/client";
import { enqueue, type OutboxInput } from "../jobs/outbox";

export type NotificationParams = Record<string, string | number | null>;

export interface NotifyInput {
  userIds: string[];
  /** a key of `notifications.kinds` in both catalogs (and of the e-mail templates) */
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  /** also send an e-mail (in each recipient's language) */
  email: boolean;
  /** once-only key prefix: the user id is appended */
  dedupeKey?: string;
}

export const NOTIFICATION_KINDS = [
  "reportReturned",
  "reportPublished",
  "reportSubmitted",
  "reportReminder",
  "reportOverdueManager",
  "reportEscalationPmo",
  "reportEscalationGroup",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Tells users something, inside the event's transaction: the bell's rows are
 * written here; e-mails go into the outbox (sent after commit by the runner).
 * With a dedupeKey, a user is told once per key even if the caller runs twice
 * (two instances running the reminder sweep).
 */
export async function notifyUsers(tx: Prisma.TransactionClient, input: NotifyInput): Promise<string[]> {
  const ids = [...new Set(input.userIds)];
  if (!ids.length) return [];
  let recipients = await tx.user.findMany({ where: { id: { in: ids }, banned: { not: true } }, select: { id: true, email: true, name: true, locale: true } });
  if (input.dedupeKey) {
    // The e-mail's dedupe key decides whether this user was already told (the outbox row is unique).
    const fresh: typeof recipients = [];
    for (const u of recipients) {
      const n = await enqueue(tx, [emailMessage(input, u, `${input.dedupeKey}:${u.id}`)]);
      if (n) fresh.push(u);
    }
    recipients = fresh;
  } else if (input.email) {
    await enqueue(
      tx,
      recipients.map((u) => emailMessage(input, u)),
    );
  }
  if (recipients.length)
    await tx.notification.createMany({ data: recipients.map((u) => ({ userId: u.id, kind: input.kind, params: input.params, link: input.link })) });
  return recipients.map((u) => u.id);
}

export interface EmailPayload {
  to: string;
  name: string;
  locale: string | null;
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  /** false: the row only records that the user was told (in-app), nothing is mailed */
  send: boolean;
}

function emailMessage(input: NotifyInput, u: { id: string; email: string; name: string; locale: string | null }, dedupeKey?: string): OutboxInput {
  const payload: EmailPayload = { to: u.email, name: u.name, locale: u.locale, kind: input.kind, params: input.params, link: input.link, send: input.email };
  return { channel: "email", topic: `notification.${input.kind}`, payload: payload as unknown as Prisma.InputJsonValue, dedupeKey };
}

/** The report notifications' webhooks go the same way as every change event: lib/jobs/webhook-events.ts. */
export { emitWebhookEvent } from "../jobs/webhook-events";
