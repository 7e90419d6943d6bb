import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { log } from "../log/logger";

export interface ClaimedMessage {
  id: string;
  channel: string;
  topic: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** What a channel says about one try: ok, or a failure to retry (with a status and detail for the log). */
export interface DeliveryResult {
  ok: boolean;
  status?: number | null;
  detail?: string;
}

export type ChannelHandler = (message: ClaimedMessage) => Promise<DeliveryResult>;

export interface RunnerOptions {
  prisma: PrismaClient;
  handlers: Record<string, ChannelHandler>;
  workerId?: string;
  batchSize?: number;
  /** how long a claim is held; a handler must finish well within it (they time out sooner) */
  leaseMs?: number;
  /** first retry after this long, doubling each try, capped at maxBackoffMs */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * Claims up to batchSize due messages: row locks taken with FOR UPDATE SKIP
 * LOCKED (two instances never claim the same row) and a lease (a worker that
 * dies mid-send leaves its messages to be claimed again when the lease ends).
 * Short and free of I/O: on PGlite every transaction stalls the whole app.
 */
export async function claimMessages(prisma: PrismaClient, workerId: string, batchSize: number, leaseMs: number): Promise<ClaimedMessage[]> {
  return prisma.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" SET "leasedBy" = ${workerId}, "leasedUntil" = now() + make_interval(secs => ${leaseMs / 1000}::float8), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "state" = 'PENDING' AND "availableAt" <= now() AND ("leasedUntil" IS NULL OR "leasedUntil" < now())
      ORDER BY "availableAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "channel", "topic", "payload", "attempts", "maxAttempts"`;
}

/**
 * Delivers what is due, once: claim, send outside any transaction, then
 * record the outcome (only while this worker still holds the lease). Returns
 * how many messages it handled. Delivery is at-least-once only if a worker
 * dies after sending and before recording; the dedupe keys and the
 * X-Lodestone-Delivery id let receivers drop that rare repeat.
 */
export async function runOnce(opts: RunnerOptions): Promise<number> {
  const workerId = opts.workerId ?? defaultWorkerId();
  const leaseMs = opts.leaseMs ?? 60_000;
  const claimed = await claimMessages(opts.prisma, workerId, opts.batchSize ?? 20, leaseMs);
  for (const m of claimed) {
    const started = Date.now();
    let result: DeliveryResult;
    try {
      const handler = opts.handlers[m.channel];
      result = handler ? await handler(m) : { ok: false, detail: `no handler for channel ${m.channel}` };
    } catch (err) {
      result = { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
    const durationMs = Date.now() - started;
    const detail = (result.detail ?? "").slice(0, 2000);
    const dead = !result.ok && m.attempts >= m.maxAttempts;
    const retryAt = new Date(Date.now() + backoffMs(m.attempts, opts.baseBackoffMs ?? 30_000, opts.maxBackoffMs ?? 3_600_000));
    await opts.prisma.$transaction(async (tx) => {
      const updated = await tx.outboxMessage.updateMany({
        where: { id: m.id, leasedBy: workerId, state: "PENDING" },
        data: result.ok
          ? { state: "SENT", sentAt: new Date(), leasedBy: null, leasedUntil: null, lastError: null }
          : { state: dead ? "DEAD" : "PENDING", availableAt: retryAt, leasedBy: null, leasedUntil: null, lastError: detail || "failed" },
      });
      await tx.outboxAttempt.create({ data: { messageId: m.id, worker: workerId, ok: result.ok, status: result.status ?? null, detail, durationMs } });
      if (!updated.count) log().warn({ messageId: m.id, workerId }, "outbox lease lost before the outcome was recorded");
    });
    if (!result.ok)
      log().warn(
        { messageId: m.id, channel: m.channel, topic: m.topic, attempt: m.attempts, dead, detail },
        dead ? "outbox message given up" : "outbox delivery failed; will retry",
      );
  }
  return claimed.length;
}

let counter = 0;
export function defaultWorkerId(): string {
  counter += 1;
  return `${hostname()}:${process.pid}:${counter}:${randomUUID().slice(0, 8)}`;
}

export interface JobRunner {
  stop(): Promise<void>;
}

/**
 * The loop: drain what is due, sleep pollMs when idle; periodic jobs (the
 * reminder sweep) run on their own interval. Any number of instances may run
 * it against one database.
 */
export function startJobRunner(opts: RunnerOptions & { pollMs: number; periodic?: { name: string; everyMs: number; run: () => Promise<void> }[] }): JobRunner {
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      t.unref();
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  const workerId = opts.workerId ?? defaultWorkerId();
  const loop = (async () => {
    const next = new Map<string, number>();
    while (!stopped) {
      try {
        for (const p of opts.periodic ?? []) {
          if ((next.get(p.name) ?? 0) <= Date.now()) {
            next.set(p.name, Date.now() + p.everyMs);
            await p.run();
          }
        }
        const n = await runOnce({ ...opts, workerId });
        if (n === 0 && !stopped) await sleep(opts.pollMs);
      } catch (err) {
        log().error({ err, workerId }, "job runner error; continuing");
        if (!stopped) await sleep(opts.pollMs);
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
