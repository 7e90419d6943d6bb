import "server-only";
import { db } from "../db/client";
import { historyEntrySelect, toHistoryEntry } from "../history/history-entry";
import type { DashboardFilters } from "./filters";
import { projectFilterSql } from "./sql";
import type { ChangesSince, RecentUpdate } from "./types";

export const RECENT_UPDATES_LIMIT = 6;
export const SINCE_LIST_LIMIT = 8;

/** The latest history entries across the portfolio (who changed what, when), newest first. */
export async function listRecentUpdates({ filters, limit = RECENT_UPDATES_LIMIT }: { filters: DashboardFilters; limit?: number }): Promise<RecentUpdate[]> {
  const prisma = await db();
  // The filter is the projects table's SQL condition; the newest entries come off the occurredAt index.
  const latest = await prisma.$queryRaw<{ id: string }[]>`
    SELECT su.id FROM "StatusUpdate" su JOIN "Project" p ON p.id = su."projectId"
    WHERE ${projectFilterSql(filters)}
    ORDER BY su."occurredAt" DESC, su."recordedAt" DESC, su.id
    LIMIT ${limit}`;
  return loadUpdates(latest.map((u) => u.id));
}

/** The history entries with these ids, in this order (one deleted between the two reads is left out). */
async function loadUpdates(ids: string[]): Promise<RecentUpdate[]> {
  if (ids.length === 0) return [];
  const prisma = await db();
  const updates = await prisma.statusUpdate.findMany({
    where: { id: { in: ids } },
    select: { ...historyEntrySelect, project: { select: { slug: true, nameEn: true, nameZh: true, health: true } } },
  });
  const byId = new Map(updates.map((u) => [u.id, u]));
  return ids.flatMap((id) => {
    const u = byId.get(id);
    if (!u) return [];
    return [
      {
        ...toHistoryEntry(u),
        project: { slug: u.project.slug, name: u.project.nameEn, nameZh: u.project.nameZh, health: u.project.health },
      },
    ];
  });
}

/**
 * What was recorded since a moment (the viewer's last visit): how many
 * history entries and projects, and the latest of those entries.
 * By recordedAt, not occurredAt: an entry dated last month but entered today
 * is news to someone who looked yesterday. Counts stop at SINCE_COUNT_CAP
 * (after a bulk import everything is new; "1,000+" says enough).
 */
export const SINCE_COUNT_CAP = 1000;

export async function summarizeChangesSince({
  filters,
  since,
  limit = SINCE_LIST_LIMIT,
}: {
  filters: DashboardFilters;
  since: Date;
  limit?: number;
}): Promise<ChangesSince> {
  if (Number.isNaN(since.getTime())) throw new RangeError("since must be a valid date");
  const prisma = await db();
  const where = projectFilterSql(filters);
  const [[totals], latest] = await Promise.all([
    prisma.$queryRaw<{ updates: number; projects: number }[]>`
      SELECT count(*)::int AS updates, count(DISTINCT project_id)::int AS projects FROM (
        SELECT su."projectId" AS project_id
        FROM "StatusUpdate" su JOIN "Project" p ON p.id = su."projectId"
        WHERE su."recordedAt" > ${since} AND ${where}
        LIMIT ${SINCE_COUNT_CAP + 1}
      ) recent`,
    prisma.$queryRaw<{ id: string }[]>`
      SELECT su.id FROM "StatusUpdate" su JOIN "Project" p ON p.id = su."projectId"
      WHERE su."recordedAt" > ${since} AND ${where}
      ORDER BY su."recordedAt" DESC, su."occurredAt" DESC, su.id
      LIMIT ${limit}`,
  ]);
  return {
    since: since.toISOString(),
    updates: totals?.updates ?? 0,
    projects: totals?.projects ?? 0,
    entries: await loadUpdates(latest.map((u) => u.id)),
  };
}
