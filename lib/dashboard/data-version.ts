import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { memoize } from "./memo";

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
 */
export async function atDataVersion<T>(name: string, args: unknown, compute: () => Promise<T>): Promise<T> {
  const version = await getDataVersion();
  return memoize(`${name}@${version}:${JSON.stringify(args)}`, VERSIONED_TTL_MS, compute);
}
