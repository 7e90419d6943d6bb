import type { PrismaClient } from "../db/generated/client";

/**
 * Password guessing, throttled per (account, source) with a higher ceiling
 * per account, by a growing delay rather than a lock:
 *
 * - from one source (client address), SOURCE_FREE_FAILURES failures for an
 *   account within WINDOW_MINUTES are free; after that each further attempt
 *   waits BASE_DELAY_SECONDS × 2^(extra failures) after the last failure,
 *   up to MAX_DELAY_SECONDS. Someone guessing elsewhere does not slow the
 *   account's owner down;
 * - over all sources, ACCOUNT_FREE_FAILURES failures are free, then the same
 *   growing delay applies to everyone (a guessing farm of many addresses);
 * - a success clears its source's failures; an admin can clear an account's
 *   (lib/auth/login-unlock.ts).
 *
 * Atomic: an attempt is reserved (recorded as a failure) before the password
 * is checked, inside a transaction holding an advisory lock for the email,
 * so concurrent guesses cannot all pass the check before any is recorded.
 * The rows live in the database, so every app instance counts them.
 */
export const SOURCE_FREE_FAILURES = 5;
export const ACCOUNT_FREE_FAILURES = 50;
export const WINDOW_MINUTES = 15;
export const BASE_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = WINDOW_MINUTES * 60;

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: "source" | "account" };

/** How long after the last of `failures` (oldest first) the next attempt must wait, in ms; 0 when free. */
export function delayAfterMs(failures: readonly Date[], free: number, now: Date): number {
  if (failures.length < free) return 0;
  const delay = Math.min(BASE_DELAY_SECONDS * 2 ** (failures.length - free), MAX_DELAY_SECONDS) * 1000;
  return Math.max(0, failures[failures.length - 1].getTime() + delay - now.getTime());
}

/** Whether this attempt may check a password; when it may, it is recorded as a failure until it succeeds. */
export async function reserveSignInAttempt(prisma: PrismaClient, opts: { email: string; source: string; now?: Date }): Promise<AttemptDecision> {
  const email = opts.email.toLowerCase();
  const source = opts.source.slice(0, 64);
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`lodestone:sign-in:${email}`}, 0))`;
    const failures = await tx.loginFailure.findMany({
      where: { email, createdAt: { gt: new Date(now.getTime() - WINDOW_MINUTES * 60_000) } },
      orderBy: { createdAt: "asc" },
      select: { ip: true, createdAt: true },
    });
    const sourceWait = delayAfterMs(
      failures.filter((f) => f.ip === source).map((f) => f.createdAt),
      SOURCE_FREE_FAILURES,
      now,
    );
    const accountWait = delayAfterMs(
      failures.map((f) => f.createdAt),
      ACCOUNT_FREE_FAILURES,
      now,
    );
    const wait = Math.max(sourceWait, accountWait);
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000), scope: sourceWait >= accountWait ? "source" : "account" };
    await tx.loginFailure.create({ data: { email, ip: source, createdAt: now } });
    return { allowed: true };
  });
}

/** The password was right: this source's failures for the account are forgiven. */
export async function signInSucceeded(prisma: PrismaClient, opts: { email: string; source: string }): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { email: opts.email.toLowerCase(), ip: opts.source.slice(0, 64) } });
}

/** The attempt ended without checking a password (a malformed request): give its reservation back. */
export async function releaseSignInAttempt(prisma: PrismaClient, opts: { email: string; source: string }): Promise<void> {
  await prisma.$executeRaw`
    DELETE FROM "LoginFailure" WHERE "id" = (
      SELECT "id" FROM "LoginFailure" WHERE "email" = ${opts.email.toLowerCase()} AND "ip" = ${opts.source.slice(0, 64)} ORDER BY "createdAt" DESC LIMIT 1
    )`;
}

/** Whole minutes to wait, rounded up (the catalogs' tooManySignIns messages pluralize them). */
export function retryMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
