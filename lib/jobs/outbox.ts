import type { Prisma } from "../db/generated/client";

/** What a channel handler receives; each channel defines its payload's shape. */
export interface OutboxInput {
  channel: "email" | "webhook";
  topic: string;
  payload: Prisma.InputJsonValue;
  /** the same key twice is written once (ON CONFLICT DO NOTHING): reminders, retried events */
  dedupeKey?: string;
  availableAt?: Date;
  maxAttempts?: number;
}

/**
 * Puts messages in the outbox inside the caller's transaction: they exist if
 * and only if the event committed. Nothing is sent here; the job runner
 * (lib/jobs/runner.ts) delivers them after commit, so a slow or failing SMTP
 * server or webhook receiver never blocks or fails a save.
 */
export async function enqueue(tx: Prisma.TransactionClient, messages: OutboxInput[]): Promise<number> {
  if (!messages.length) return 0;
  const r = await tx.outboxMessage.createMany({
    data: messages.map((m) => ({
      channel: m.channel,
      topic: m.topic,
      payload: m.payload,
      dedupeKey: m.dedupeKey ?? null,
      availableAt: m.availableAt ?? new Date(),
      maxAttempts: m.maxAttempts ?? 8,
    })),
    skipDuplicates: true,
  });
  return r.count;
}
