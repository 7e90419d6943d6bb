import { randomUUID } from "node:crypto";
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

/** Messages per statement: a bulk import enqueues one webhook event per changed record (55,000 for a large file). */
const CHUNK = 2_000;

/**
 * Puts messages in the outbox inside the caller's transaction: they exist if
 * and only if the event committed. Nothing is sent here; the job runner
 * (lib/jobs/runner.ts) delivers them after commit, so a slow or failing SMTP
 * server or webhook receiver never blocks or fails a save.
 *
 * One statement per chunk, the rows as one JSON parameter (as lib/db/bulk-insert.ts,
 * docs/decisions/0062): Prisma's createMany costs per bound value, which on the
 * embedded database made a large import's events slower than its records. The
 * columns left out (state, attempts, createdAt) take their database defaults.
 * Returns how many were written (a duplicate dedupeKey is skipped, not counted).
 */
export async function enqueue(tx: Prisma.TransactionClient, messages: readonly OutboxInput[]): Promise<number> {
  if (!messages.length) return 0;
  const now = new Date().toISOString();
  let written = 0;
  for (let i = 0; i < messages.length; i += CHUNK) {
    const rows = messages.slice(i, i + CHUNK).map((m) => ({
      id: randomUUID(),
      channel: m.channel,
      topic: m.topic,
      payload: m.payload,
      dedupeKey: m.dedupeKey ?? null,
      availableAt: m.availableAt?.toISOString() ?? now,
      maxAttempts: m.maxAttempts ?? 8,
    }));
    written += await tx.$executeRawUnsafe(
      `INSERT INTO "OutboxMessage" ("id", "channel", "topic", "payload", "dedupeKey", "availableAt", "maxAttempts")
       SELECT "id", "channel", "topic", "payload", "dedupeKey", "availableAt", "maxAttempts" FROM json_populate_recordset(NULL::"OutboxMessage", $1::json)
       ON CONFLICT DO NOTHING`,
      JSON.stringify(rows),
    );
  }
  return written;
}
