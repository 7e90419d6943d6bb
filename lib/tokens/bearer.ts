import type { Viewer } from "../auth/session";
import { loadAssignmentsWith } from "../auth/assignments";
import { isRole } from "../auth/permissions";
import { primaryRole } from "../auth/primary-role";
import { consumeRateLimit } from "../auth/rate-limit";
import { db } from "../db/client";
import type { PrismaClient } from "../db/generated/client";
import { env } from "../env";
import { AppError } from "../errors";
import { hashApiToken, TOKEN_PATTERN } from "./token-secret";

const REFUSED = "tokenRefused";
/** lastUsedAt is written at most this often per token: a busy integration does not turn every read into a write. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The Viewer an API token acts as, so every scope and role check of the app
 * applies to it unchanged: a personal token is its owner (their role
 * assignments as they are now, so a role taken away is gone from the token
 * too); a service token is its own service account holding one role on one
 * unit (docs/decisions/0064). Unknown, expired, revoked or tampered tokens and
 * disabled owners are 401; a token past its rate limit is 429.
 */
export async function viewerFromToken(token: string, opts: { prisma?: PrismaClient; now?: Date; ratePerMinute?: number } = {}): Promise<Viewer> {
  const prisma = opts.prisma ?? (await db());
  const now = opts.now ?? new Date();
  if (!TOKEN_PATTERN.test(token)) throw new AppError("UNAUTHENTICATED", REFUSED);
  const row = await prisma.apiToken.findUnique({
    where: { hash: hashApiToken(token) },
    select: {
      id: true,
      kind: true,
      scope: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, banned: true, lastSeenAt: true, locale: true } },
      unit: { select: { id: true, code: true, path: true } },
    },
  });
  if (!row || row.revokedAt || row.expiresAt <= now) throw new AppError("UNAUTHENTICATED", REFUSED);
  if (row.kind === "PERSONAL" && row.user.banned) throw new AppError("UNAUTHENTICATED", REFUSED);

  const limit = await consumeRateLimit(prisma, {
    key: `api-token:${row.id}`,
    max: opts.ratePerMinute ?? env().API_TOKEN_RATE_PER_MINUTE,
    windowSeconds: 60,
    now,
  });
  if (!limit.allowed)
    throw new AppError("TOO_MANY_REQUESTS", { key: "tokenTooManyRequests", params: { seconds: limit.retryAfterSeconds } }, undefined, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS)
    await prisma.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] },
      data: { lastUsedAt: now },
    });

  const assignments =
    row.kind === "PERSONAL"
      ? await loadAssignmentsWith(prisma, row.user.id)
      : row.unit && isRole(row.role)
        ? [{ role: row.role, unitId: row.unit.id, unitCode: row.unit.code, unitPath: row.unit.path }]
        : [];
  return {
    id: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: primaryRole(assignments),
    assignments,
    lastSeenAt: row.user.lastSeenAt,
    locale: row.user.locale,
    token: { id: row.id, kind: row.kind === "PERSONAL" ? "personal" : "service", scope: row.scope === "READ" ? "read" : "write" },
  };
}
