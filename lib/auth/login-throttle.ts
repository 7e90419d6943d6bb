import type { PrismaClient } from "../db/generated/client";

/**
 * Refuses sign-in for an email after repeated failures, whoever tries: the
 * failures are rows in the database, so every app instance counts them. Keyed
 * by email rather than IP, so guessing one account's password from many
 * addresses is throttled and one office behind a NAT does not lock itself out.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

export async function minutesUntilAllowed(prisma: PrismaClient, email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const failures = await prisma.loginFailure.findMany({
    where: { email: email.toLowerCase(), createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return 0;
  // allowed again when the oldest counted failure leaves the window
  const oldest = failures[failures.length - MAX_FAILURES].createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + WINDOW_MINUTES * 60_000 - now.getTime()) / 60_000));
}

export async function recordLoginFailure(prisma: PrismaClient, email: string, ip: string | null): Promise<void> {
  await prisma.loginFailure.create({ data: { email: email.toLowerCase(), ip: ip?.slice(0, 64) ?? null } });
}

export async function clearLoginFailures(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { email: email.toLowerCase() } });
}
