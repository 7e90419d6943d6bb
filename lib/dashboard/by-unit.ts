import "server-only";
import { db } from "../db/client";
import type { DashboardFilters } from "./filters";
import { projectFilterSql } from "./sql";

export interface UnitFigure {
  /** the subsidiary's code; null for projects owned by the group (the root) itself */
  code: string | null;
  nameEn: string;
  nameZh: string | null;
  count: number;
}

/**
 * Projects by subsidiary (the root's direct units; projects of a branch count
 * with its subsidiary), under the dashboard's filters and the reader's scope,
 * largest first. One grouping over the projects joined to their units.
 */
export async function countBySubsidiary({ filters }: { filters: DashboardFilters }): Promise<UnitFigure[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ code: string; count: number }[]>`
    SELECT split_part(u."path", '/', 3) AS code, count(*)::int AS count
    FROM "Project" p JOIN "OrgUnit" u ON u."id" = p."orgUnitId"
    WHERE ${projectFilterSql(filters)}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
  if (!rows.length) return [];
  const codes = rows.map((r) => r.code).filter(Boolean);
  const units = await prisma.orgUnit.findMany({
    where: { OR: [{ code: { in: codes } }, { parentId: null }] },
    select: { code: true, nameEn: true, nameZh: true, parentId: true },
  });
  const root = units.find((u) => u.parentId === null);
  return rows.map((r) => {
    const unit = r.code ? units.find((u) => u.code === r.code) : root;
    return { code: r.code || null, nameEn: unit?.nameEn ?? r.code, nameZh: unit?.nameZh ?? null, count: r.count };
  });
}
