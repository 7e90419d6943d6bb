import type { Prisma, PrismaClient } from "../db/generated/client";

type Client = PrismaClient | Prisma.TransactionClient;

export type RateDecision = { allowed: true; count: number } | { allowed: false; count: number; retryAfterSeconds: number };

/**
 * Counts one event for `key` in a fixed window and says whether it is within
 * `max`. One statement (INSERT … ON CONFLICT DO UPDATE … RETURNING), so
 * concurrent requests on any number of instances never both see the last
 * free slot. Refused events are counted too: hammering does not reopen the window.
 */
export async function consumeRateLimit(prisma: Client, opts: { key: string; max: number; windowSeconds: number; now?: Date }): Promise<RateDecision> {
  const now = opts.now ?? new Date();
  const expired = new Date(now.getTime() - opts.windowSeconds * 1000);
  const key = opts.key.slice(0, 200);
  const [row] = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateBucket"."windowStart" <= ${expired} THEN 1 ELSE "RateBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateBucket"."windowStart" <= ${expired} THEN EXCLUDED."windowStart" ELSE "RateBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const count = Number(row.count);
  if (count <= opts.max) return { allowed: true, count };
  const reopens = new Date(row.windowStart).getTime() + opts.windowSeconds * 1000;
  return { allowed: false, count, retryAfterSeconds: Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)) };
}
