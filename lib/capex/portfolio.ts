import "server-only";
import type { Viewer } from "../auth/session";
import type { DashboardFilters } from "../dashboard/filters";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { projectFilterSql } from "../dashboard/sql";
import { readScopeOf, scopeSql } from "../projects/project-scope";
import { variance } from "./capex-math";
import { dec, type RollupCurrency } from "./money";

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

interface SummarySums {
  kind: "line" | "region" | "total";
  key: string | null;
  projects: number;
  approved: string;
  eac: string;
}

/**
 * Reads one CapexSummary row per project (kept by the database in the same
 * statement as every line and version write: docs/decisions/0070), never the
 * lines: the groups and totals are exact numeric sums in SQL, the overruns the
 * first `top` by variance. Amounts are the stored converted ones of `currency`.
 */
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
  const approvedColumn = Prisma.raw(currency === "CNY" ? `s."approvedCny"` : `s."approvedUsd"`);
  const eacColumn = Prisma.raw(currency === "CNY" ? `s."eacCny"` : `s."eacUsd"`);
  // no cost yet: the estimate is the budget
  const inScope = Prisma.sql`
    SELECT p."slug", p."nameEn", p."nameZh", p."businessLine"::text AS "businessLine", p."region"::text AS "region",
      ${approvedColumn} AS "approved", COALESCE(${eacColumn}, ${approvedColumn}) AS "eac", s."rateSetIds"
    FROM "CapexSummary" s JOIN "Project" p ON p."id" = s."projectId"
    WHERE s."approvedVersionId" IS NOT NULL AND ${projectFilterSql(filters)} AND ${scopeSql(readScopeOf(viewer))}`;
  const [result] = await prisma.$queryRaw<
    { sums: SummarySums[] | null; overruns: Omit<PortfolioCapexRow, "variancePercent">[] | null; sets: string[] | null }[]
  >`
    WITH s AS MATERIALIZED (${inScope}),
    sums AS (
      SELECT CASE WHEN GROUPING("businessLine") = 0 THEN 'line' WHEN GROUPING("regionKey") = 0 THEN 'region' ELSE 'total' END AS "kind",
        COALESCE("businessLine", "regionKey") AS "key", count(*)::int AS "projects", sum("approved")::text AS "approved", sum("eac")::text AS "eac"
      FROM (SELECT *, COALESCE("region", 'UNKNOWN') AS "regionKey" FROM s) g
      GROUP BY GROUPING SETS (("businessLine"), ("regionKey"), ())
    ),
    overruns AS (
      SELECT "slug", "nameEn", "nameZh", "businessLine", "region", "approved"::text AS "approved", "eac"::text AS "eac" FROM s
      WHERE "approved" > 0 AND round(("eac" - "approved") * 100 / "approved", 2) > 0 ORDER BY ("eac" - "approved") / "approved" DESC, "slug" LIMIT ${top}
    )
    SELECT (SELECT json_agg(sums) FROM sums) AS "sums", (SELECT json_agg(overruns) FROM overruns) AS "overruns",
      (SELECT array_agg(r."name" ORDER BY r."name") FROM "ExchangeRateSet" r WHERE r."id" IN (SELECT unnest(s."rateSetIds") FROM s)) AS "sets"`;
  const sums = result?.sums ?? [];
  const group = (kind: SummarySums["kind"]): PortfolioGroup[] =>
    sums
      .filter((g) => g.kind === kind)
      .map((g) => ({
        key: g.key ?? "UNKNOWN",
        projects: g.projects,
        approved: dec(g.approved).toFixed(2),
        eac: dec(g.eac).toFixed(2),
        variancePercent: variance(dec(g.eac), dec(g.approved)).variancePercent?.toFixed(2) ?? null,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  const total = sums.find((g) => g.kind === "total");
  return {
    currency,
    projects: total?.projects ?? 0,
    approved: dec(total?.approved ?? 0).toFixed(2),
    eac: dec(total?.eac ?? 0).toFixed(2),
    byBusinessLine: group("line"),
    byRegion: group("region"),
    overruns: (result?.overruns ?? []).map((r) => ({
      ...r,
      approved: dec(r.approved).toFixed(2),
      eac: dec(r.eac).toFixed(2),
      variancePercent: variance(dec(r.eac), dec(r.approved)).variancePercent?.toFixed(2) ?? null,
    })),
    rateSets: result?.sets ?? [],
  };
}
