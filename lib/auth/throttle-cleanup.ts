import type { PrismaClient } from "../db/generated/client";
import { WINDOW_MINUTES } from "./login-throttle";

/** Rate-limit buckets idle this long are gone (every window is shorter). */
export const BUCKET_RETENTION_MINUTES = 60;

/**
 * Deletes what no limit reads any more: sign-in failures older than the
 * throttle's window, our rate-limit buckets and Better Auth's rateLimit rows
 * idle for an hour. Run at boot and every few minutes (lib/server/boot.ts);
 * without it these tables only ever grew.
 */
export async function pruneThrottleRows(prisma: PrismaClient, now = new Date()): Promise<{ loginFailures: number; buckets: number; authRateLimits: number }> {
  const failuresBefore = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const bucketsBefore = new Date(now.getTime() - BUCKET_RETENTION_MINUTES * 60_000);
  const [loginFailures, buckets, authRateLimits] = await Promise.all([
    prisma.loginFailure.deleteMany({ where: { createdAt: { lt: failuresBefore } } }),
    prisma.rateBucket.deleteMany({ where: { windowStart: { lt: bucketsBefore } } }),
    prisma.rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(bucketsBefore.getTime()) } } }),
  ]);
  return { loginFailures: loginFailures.count, buckets: buckets.count, authRateLimits: authRateLimits.count };
}

const CLEANUP_INTERVAL_MS = 10 * 60_000;

/** Prunes now and every ten minutes while the server runs; a failure is logged and retried next time. */
export function scheduleThrottleCleanup(prisma: PrismaClient, onError: (err: unknown) => void): void {
  const run = () => void pruneThrottleRows(prisma).catch(onError);
  run();
  setInterval(run, CLEANUP_INTERVAL_MS).unref();
}
