import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { carried, memoize, type Carried } from "./memo";

/**
 * A version of the data the dashboard shows, cheap to read (two index
 * look-ups, no scan: a count of projects cost 30 ms a load at 20,000): every
 * change to a project, its milestones or its history moves the project's
 * updatedAt (the milestone mutations touch it on purpose; a new project
 * starts with it), and history entries add to the newest occurredAt. A result computed at a version
 * holds until the version moves. Shared by every app instance on one
 * database. (A project edited outside the app without touching updatedAt
 * would not move it: the memo's TTL bounds that case.)
 */
export const getDataVersion = cache(async (): Promise<string> => {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<{ updated: Date | null; occurred: Date | null }[]>`
    SELECT (SELECT max("updatedAt") FROM "Project") AS updated,
           (SELECT max("occurredAt") FROM "StatusUpdate") AS occurred`;
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : "-");
  return `${iso(row.updated)}|${iso(row.occurred)}`;
});

/** Results kept at most this long even when nothing is recorded (a bound for writes outside the history). */
export const VERSIONED_TTL_MS = 10 * 60_000;

/**
 * A dashboard result, computed once per data version (and arguments): the
 * first load after a change computes it, the following loads reuse it until
 * something else is recorded. Always as fresh as the history.
 *
 * `keepUnless`: the result only depends on these history fields (and on
 * nothing a write outside the history changes). When the version moves and
 * every project changed since the last computation has a history entry of
 * its own at that moment, none of them touching these fields, the last result
 * is carried over instead of recomputed (the trend's closed months across
 * status updates: decision 0078). Never beyond the TTL from its computation.
 */
export async function atDataVersion<T>(name: string, args: unknown, compute: () => Promise<T>, options?: { keepUnless: readonly string[] }): Promise<T> {
  const version = await getDataVersion();
  const argsKey = `${name}:${JSON.stringify(args)}`;
  const key = `${name}@${version}:${JSON.stringify(args)}`;
  if (!options) return memoize(key, VERSIONED_TTL_MS, compute);
  return memoize(key, VERSIONED_TTL_MS, async () => {
    const last = carried.get(argsKey);
    if (
      last &&
      last.version !== version &&
      Date.now() - last.computedAt < VERSIONED_TTL_MS &&
      (await unchangedBetween(last.version, version, options.keepUnless))
    ) {
      carried.set(argsKey, { ...last, version });
      return last.value as Promise<T>;
    }
    const entry: Carried = { version, computedAt: Date.now(), value: compute() };
    carried.remember(argsKey, entry);
    entry.value.catch(() => {
      if (carried.get(argsKey) === entry) carried.delete(argsKey);
    });
    return entry.value as Promise<T>;
  });
}

/**
 * Whether what happened between two versions leaves results that depend only
 * on `fields` as they were: no project changed without a history entry of its
 * own (an organization move, a write outside the history), and no entry since
 * touches those fields. Conservative on purpose: entries from a minute before
 * `from` count too (a transaction that committed late), and a version older
 * than `from` or unreadable never carries.
 */
async function unchangedBetween(from: string, to: string, fields: readonly string[]): Promise<boolean> {
  const [fromUpdated, fromOccurred] = from.split("|");
  const [toUpdated, toOccurred] = to.split("|");
  if (fromUpdated === "-" || fromOccurred === "-" || toUpdated < fromUpdated || toOccurred < fromOccurred) return false;
  const changes = await memoize(`changes-between:${from}->${to}`, VERSIONED_TTL_MS, async () => {
    const prisma = await db();
    const [row] = await prisma.$queryRaw<{ unexplained: number; fields: string[] | null }[]>`
      SELECT
        (SELECT count(*)::int FROM "Project" p
          WHERE p."updatedAt" > ${fromUpdated}::timestamptz
            AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" su WHERE su."projectId" = p.id AND su."occurredAt" >= p."updatedAt" - interval '2 seconds')) AS unexplained,
        (SELECT array_agg(DISTINCT fc.field) FROM "StatusUpdate" su JOIN "FieldChange" fc ON fc."updateId" = su.id
          WHERE su."occurredAt" >= ${fromOccurred}::timestamptz - interval '1 minute') AS fields`;
    return { unexplained: row.unexplained, fields: row.fields ?? [] };
  });
  return changes.unexplained === 0 && !changes.fields.some((f) => fields.includes(f));
}
