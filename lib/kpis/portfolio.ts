import "server-only";
import type { Viewer } from "../auth/session";
import { dec, dateToPeriod } from "../capex/money";
import type { DashboardFilters } from "../dashboard/filters";
import { projectFilterSql } from "../dashboard/sql";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { readScopeOf, scopeSql } from "../projects/project-scope";
import { meetsTarget, ratioValue } from "./kpi-math";

export interface PortfolioKpis {
  /** safety rates over the 12 months to `safetyThrough`, from summed counts and hours of every project in scope */
  safetyThrough: string | null;
  rates: { key: string; nameEn: string; nameZh: string; unit: string; value: string | null }[];
  /** production KPIs in the latest month with targets: projects below target */
  attainmentPeriod: string | null;
  attainment: { withTarget: number; below: { slug: string; nameEn: string; nameZh: string | null; kpi: string; actual: string; target: string }[] };
}

/**
 * Reads KpiSummary (one row per project and KPI, kept by the database with
 * every KpiActual write: docs/decisions/0070), not the actuals: the safety
 * rates sum each project's stored 12-month counts where its latest month is
 * the portfolio's, and only a project that reports later than the others
 * sums its actuals in the window; the projects below target are the summary
 * rows of the latest month joined to their first target series.
 */
export async function getPortfolioKpis({ viewer, filters }: { viewer: Viewer | null; filters: DashboardFilters }): Promise<PortfolioKpis> {
  const prisma = await db();
  const inScope = Prisma.sql`${projectFilterSql(filters)} AND ${scopeSql(readScopeOf(viewer))}`;
  const definitions = await prisma.kpiDefinition.findMany({ orderBy: { sortOrder: "asc" } });
  const ratios = definitions.filter((d) => d.aggregation === "RATIO");
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const countIds = [...new Set(ratios.flatMap((r) => [...r.numeratorKeys, ...r.denominatorKeys]))].flatMap((k) => (byKey.get(k) ? [byKey.get(k)!.id] : []));

  let safetyThrough: string | null = null;
  let rates: PortfolioKpis["rates"] = [];
  if (countIds.length) {
    const sums = await prisma.$queryRaw<{ definitionId: string; through: Date; total: string | null }[]>`
      WITH k AS MATERIALIZED (
        SELECT k."projectId", k."definitionId", k."latestPeriod", k."sum12" FROM "KpiSummary" k JOIN "Project" p ON p."id" = k."projectId"
        WHERE k."definitionId" = ANY(${countIds}::uuid[]) AND ${inScope}
      ), t AS (SELECT max("latestPeriod") AS "through" FROM k)
      SELECT d."definitionId", t."through",
        (COALESCE((SELECT sum(k."sum12") FROM k WHERE k."definitionId" = d."definitionId" AND k."latestPeriod" = t."through"), 0)
         + COALESCE((SELECT sum(a."value") FROM k JOIN "KpiActual" a ON a."projectId" = k."projectId" AND a."definitionId" = k."definitionId"
              WHERE k."definitionId" = d."definitionId" AND k."latestPeriod" < t."through" AND k."latestPeriod" > (t."through" - interval '12 months')::date
                AND a."period" > (t."through" - interval '12 months')::date), 0))::text AS "total"
      FROM (SELECT DISTINCT "definitionId" FROM k) d, t`;
    safetyThrough = sums[0]?.through ? dateToPeriod(sums[0].through) : null;
    const values = new Map(sums.map((s) => [definitions.find((d) => d.id === s.definitionId)!.key, [dec(s.total ?? 0)]]));
    if (safetyThrough)
      rates = ratios.map((r) => ({
        key: r.key,
        nameEn: r.nameEn,
        nameZh: r.nameZh,
        unit: r.unit,
        value:
          ratioValue(
            { key: r.key, aggregation: "RATIO", numeratorKeys: r.numeratorKeys, denominatorKeys: r.denominatorKeys, scale: r.scale ? dec(r.scale) : null },
            values,
          )
            ?.toDecimalPlaces(2)
            .toString() ?? null,
      }));
  }

  const production = definitions.filter((d) => d.category === "PRODUCTION" && d.aggregation !== "RATIO");
  let attainmentPeriod: string | null = null;
  const below: PortfolioKpis["attainment"]["below"] = [];
  let withTarget = 0;
  if (production.length) {
    // Every actual of the latest month is its project's latest: the summary rows of that month.
    const rows = await prisma.$queryRaw<
      {
        period: Date;
        withTarget: number;
        below: { slug: string; nameEn: string; nameZh: string | null; definitionId: string; actual: string; target: string }[] | null;
      }[]
    >`
      WITH k AS MATERIALIZED (
        SELECT k."projectId", k."definitionId", k."latestPeriod", k."latestValue" FROM "KpiSummary" k JOIN "Project" p ON p."id" = k."projectId"
        WHERE k."definitionId" = ANY(${production.map((d) => d.id)}::uuid[]) AND ${inScope}
      ), t AS (SELECT max("latestPeriod") AS "period" FROM k),
      m AS (
        SELECT k."projectId", k."definitionId", k."latestValue" AS "actual", tg."value" AS "target", d."direction"
        FROM k JOIN t ON k."latestPeriod" = t."period" JOIN "KpiDefinition" d ON d."id" = k."definitionId"
        CROSS JOIN LATERAL (
          SELECT x."value" FROM "KpiTarget" x WHERE x."projectId" = k."projectId" AND x."definitionId" = k."definitionId" AND x."period" = t."period"
          ORDER BY x."series" LIMIT 1
        ) tg
      ), b AS (
        SELECT p."slug", p."nameEn", p."nameZh", m."definitionId", m."actual"::text AS "actual", m."target"::text AS "target" FROM m JOIN "Project" p ON p."id" = m."projectId"
        WHERE CASE WHEN m."direction" = 'HIGHER_BETTER' THEN m."actual" < m."target" ELSE m."actual" > m."target" END
        ORDER BY p."slug", m."definitionId" LIMIT 10
      )
      SELECT t."period", (SELECT count(DISTINCT "projectId")::int FROM m) AS "withTarget", (SELECT json_agg(b) FROM b) AS "below" FROM t`;
    const r = rows[0];
    if (r?.period) {
      attainmentPeriod = dateToPeriod(r.period);
      withTarget = r.withTarget;
      for (const x of r.below ?? []) {
        const d = definitions.find((y) => y.id === x.definitionId)!;
        // the database picked them; the decimal rule confirms each (meetsTarget is the definition)
        if (!meetsTarget(dec(x.actual), dec(x.target), d.direction))
          below.push({ slug: x.slug, nameEn: x.nameEn, nameZh: x.nameZh, kpi: d.key, actual: dec(x.actual).toString(), target: dec(x.target).toString() });
      }
    }
  }
  return { safetyThrough, rates, attainmentPeriod, attainment: { withTarget, below } };
}
