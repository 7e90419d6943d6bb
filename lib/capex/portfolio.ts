import "server-only";
import type { Viewer } from "../auth/session";
import type { DashboardFilters } from "../dashboard/filters";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { projectFilterSql } from "../dashboard/sql";
import { projectReadScope } from "../projects/project-scope";
import { variance } from "./capex-math";
import { dec, Money, type Dec, type RollupCurrency } from "./money";

/**
 * Portfolio capex for the dashboard: approved budget vs EAC per project in one
 * roll-up currency (the stored converted amounts: never a sum across
 * currencies), grouped by business line and region, and the largest overruns.
 * Projects count only with an approved budget, so approved and EAC compare like
 * for like.
 */
export interface PortfolioCapexRow {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  businessLine: string;
  region: string | null;
  approved: string;
  eac: string;
  variancePercent: string | null;
}
export interface PortfolioGroup {
  key: string;
  projects: number;
  approved: string;
  eac: string;
  variancePercent: string | null;
}
export interface PortfolioCapex {
  currency: RollupCurrency;
  projects: number;
  approved: string;
  eac: string;
  byBusinessLine: PortfolioGroup[];
  byRegion: PortfolioGroup[];
  overruns: PortfolioCapexRow[];
  rateSets: string[];
}

/**
 * Grouping keys of a project. The organization tree adds a subsidiary key here
 * (e.g. `subsidiary: (p) => p.orgUnitId`) and the card shows another table.
 */
export const PORTFOLIO_GROUPINGS = {
  businessLine: (p: PortfolioCapexRow) => p.businessLine,
  region: (p: PortfolioCapexRow) => p.region ?? "UNKNOWN",
} as const;

/**
 * The dashboard's filters (region incl. "no region", business line, unit, the
 * reader's scope) as a Prisma condition: the ids the dashboard's own SQL
 * condition selects (lib/dashboard/sql.ts), so these cards count exactly the
 * projects the other cards and the table's links show.
 */
export async function projectFilterWhere(filters: DashboardFilters): Promise<Prisma.ProjectWhereInput> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT p.id FROM "Project" p WHERE ${projectFilterSql(filters)}`;
  return { id: { in: rows.map((r) => r.id) } };
}

export async function getPortfolioCapex({
  viewer,
  filters,
  currency,
  top = 5,
}: {
  viewer: Viewer | null;
  filters: DashboardFilters;
  currency: RollupCurrency;
  top?: number;
}): Promise<PortfolioCapex> {
  const prisma = await db();
  const projects = await prisma.project.findMany({
    where: { ...projectReadScope(viewer), ...(await projectFilterWhere(filters)), budgetVersions: { some: { state: "APPROVED" } } },
    select: { id: true, slug: true, nameEn: true, nameZh: true, businessLine: true, region: true },
  });
  const column = Prisma.raw(currency === "CNY" ? `"amountCny"` : `"amountUsd"`);
  const ids = projects.map((p) => p.id);
  const sums = ids.length
    ? await prisma.$queryRaw<{ projectId: string; approved: Prisma.Decimal | null; eac: Prisma.Decimal | null }[]>`
      WITH cur AS (
        SELECT DISTINCT ON ("projectId") id, "projectId" FROM "BudgetVersion"
        WHERE state = 'APPROVED' AND "projectId" = ANY(${ids}::uuid[]) ORDER BY "projectId", "approvedAt" DESC
      ), bud AS (
        SELECT c."projectId", sum(l.${column}) AS approved FROM cur c JOIN "BudgetLine" l ON l."budgetVersionId" = c.id GROUP BY 1
      ), last AS (
        SELECT "projectId", max(period) AS p FROM "CostLine" WHERE measure = 'ACTUAL' AND "projectId" = ANY(${ids}::uuid[]) GROUP BY 1
      ), eac AS (
        SELECT cl."projectId", sum(cl.${column}) AS eac FROM "CostLine" cl LEFT JOIN last ON last."projectId" = cl."projectId"
        WHERE cl."projectId" = ANY(${ids}::uuid[]) AND (cl.measure = 'ACTUAL' OR (cl.measure = 'FORECAST' AND (last.p IS NULL OR cl.period > last.p)))
        GROUP BY 1
      )
      SELECT bud."projectId", bud.approved, eac.eac FROM bud LEFT JOIN eac ON eac."projectId" = bud."projectId"`
    : [];
  const byId = new Map(sums.map((s) => [s.projectId, s]));
  const rows: PortfolioCapexRow[] = projects.flatMap((p) => {
    const s = byId.get(p.id);
    if (!s) return [];
    const approved = dec(s.approved ?? 0);
    // no cost yet: the estimate is the budget
    const eac = s.eac === null ? approved : dec(s.eac);
    return [
      {
        slug: p.slug,
        nameEn: p.nameEn,
        nameZh: p.nameZh,
        businessLine: p.businessLine,
        region: p.region,
        approved: approved.toFixed(2),
        eac: eac.toFixed(2),
        variancePercent: variance(eac, approved).variancePercent?.toFixed(2) ?? null,
      },
    ];
  });
  const group = (key: (r: PortfolioCapexRow) => string): PortfolioGroup[] => {
    const m = new Map<string, { projects: number; approved: Dec; eac: Dec }>();
    for (const r of rows) {
      const g = m.get(key(r)) ?? { projects: 0, approved: new Money(0), eac: new Money(0) };
      m.set(key(r), { projects: g.projects + 1, approved: g.approved.plus(r.approved), eac: g.eac.plus(r.eac) });
    }
    return [...m]
      .map(([k, g]) => ({
        key: k,
        projects: g.projects,
        approved: g.approved.toFixed(2),
        eac: g.eac.toFixed(2),
        variancePercent: variance(g.eac, g.approved).variancePercent?.toFixed(2) ?? null,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  };
  const total = (f: "approved" | "eac") => rows.reduce((s, r) => s.plus(r[f]), new Money(0)).toFixed(2);
  const sets = ids.length
    ? await prisma.exchangeRateSet.findMany({
        where: {
          OR: [
            { costLines: { some: { projectId: { in: ids } } } },
            { budgetLines: { some: { budgetVersion: { projectId: { in: ids }, state: "APPROVED" } } } },
          ],
        },
        select: { name: true },
        orderBy: { name: "asc" },
      })
    : [];
  return {
    currency,
    projects: rows.length,
    approved: total("approved"),
    eac: total("eac"),
    byBusinessLine: group(PORTFOLIO_GROUPINGS.businessLine),
    byRegion: group(PORTFOLIO_GROUPINGS.region),
    overruns: rows
      .filter((r) => r.variancePercent !== null && dec(r.variancePercent).gt(0))
      .sort((a, b) => dec(b.variancePercent!).cmp(dec(a.variancePercent!)))
      .slice(0, top),
    rateSets: sets.map((s) => s.name),
  };
}
