import "server-only";
import { db } from "../db/client";
import { historyEntrySelect, toHistoryEntry } from "../history/history-entry";
import type { Health } from "../projects/enums";
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
  if (latest.length === 0) return [];
  const updates = await prisma.statusUpdate.findMany({
    where: { id: { in: latest.map((u) => u.id) } },
    select: { ...historyEntrySelect, project: { select: { slug: true, nameEn: true, nameZh: true, health: true } } },
  });
  const byId = new Map(updates.map((u) => [u.id, u]));
  return latest.flatMap(({ id }) => {
    const u = byId.get(id);
    if (!u) return []; // deleted between the two reads
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
 * history entries and projects, and the latest health changes among them.
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
  const [[totals], changes, [changeTotal]] = await Promise.all([
    prisma.$queryRaw<{ updates: number; projects: number }[]>`
      SELECT count(*)::int AS updates, count(DISTINCT project_id)::int AS projects FROM (
        SELECT su."projectId" AS project_id
        FROM "StatusUpdate" su JOIN "Project" p ON p.id = su."projectId"
        WHERE su."recordedAt" > ${since} AND ${where}
        LIMIT ${SINCE_COUNT_CAP + 1}
      ) recent`,
    prisma.$queryRaw<
      { id: string; slug: string; name: string; name_zh: string | null; health: Health; before: string | null; after: string | null; author_name: string; occurred_at: Date }[]
    >`
      SELECT fc.id, p.slug, p."nameEn" AS name, p."nameZh" AS name_zh, p.health, fc."before", fc."after", su."authorName" AS author_name, su."occurredAt" AS occurred_at
      FROM "StatusUpdate" su
      JOIN "FieldChange" fc ON fc."updateId" = su.id AND fc.field = 'health'
      JOIN "Project" p ON p.id = su."projectId"
      WHERE su."recordedAt" > ${since} AND ${where}
      ORDER BY su."recordedAt" DESC, su."occurredAt" DESC, fc.id
      LIMIT ${limit}`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM "StatusUpdate" su
        JOIN "FieldChange" fc ON fc."updateId" = su.id AND fc.field = 'health'
        JOIN "Project" p ON p.id = su."projectId"
        WHERE su."recordedAt" > ${since} AND ${where}
        LIMIT ${SINCE_COUNT_CAP + 1}
      ) recent`,
  ]);
  return {
    since: since.toISOString(),
    updates: totals?.updates ?? 0,
    projects: totals?.projects ?? 0,
    healthChanges: changes.map((c) => ({
      id: c.id,
      project: { slug: c.slug, name: c.name, nameZh: c.name_zh, health: c.health },
      before: c.before,
      after: c.after,
      authorName: c.author_name,
      occurredAt: new Date(c.occurred_at).toISOString(),
    })),
    healthChangesTotal: changeTotal?.n ?? 0,
  };
}
