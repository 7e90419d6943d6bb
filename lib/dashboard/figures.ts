import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { BUSINESS_LINES, HEALTHS, REGIONS, STAGES, type BusinessLine, type Health, type Region, type Stage } from "../projects/enums";
import type { DashboardFilters } from "./filters";
import { projectFilterSql } from "./sql";
import type { PortfolioFigures } from "./types";

type Dimension = "health" | "stage" | "line" | "region" | "total";

interface Row {
  dimension: Dimension;
  value: string | null;
  count: number;
}

/**
 * The headline figures: projects by health, stage, business line and region
 * under the dashboard's filters, in one pass over the projects (GROUPING SETS).
 */
export async function countPortfolio({ filters }: { filters: DashboardFilters }): Promise<PortfolioFigures> {
  return countPortfolioCached(JSON.stringify(filters));
}

// Two cards (health and breakdowns) read the figures; one query per request.
// cache() keys on argument identity: the filters as a string.
const countPortfolioCached = cache(async (key: string): Promise<PortfolioFigures> => {
  const filters = JSON.parse(key) as DashboardFilters;
  const prisma = await db();
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT CASE
             WHEN GROUPING(p.health) = 0 THEN 'health'
             WHEN GROUPING(p.stage) = 0 THEN 'stage'
             WHEN GROUPING(p."businessLine") = 0 THEN 'line'
             WHEN GROUPING(p.region) = 0 THEN 'region'
             ELSE 'total'
           END AS dimension,
           COALESCE(p.health::text, p.stage::text, p."businessLine"::text, p.region::text) AS value,
           count(*)::int AS count
    FROM "Project" p
    WHERE ${projectFilterSql(filters)}
    GROUP BY GROUPING SETS ((p.health), (p.stage), (p."businessLine"), (p.region), ())`;

  const figures: PortfolioFigures = {
    total: 0,
    health: zeros<Health>(HEALTHS),
    stage: zeros<Stage>(STAGES),
    line: zeros<BusinessLine>(BUSINESS_LINES),
    region: zeros<Region>(REGIONS),
    noRegion: 0,
  };
  for (const r of rows) {
    if (r.dimension === "total") figures.total = r.count;
    else if (r.dimension === "region" && r.value === null) figures.noRegion = r.count;
    else if (r.value !== null) (figures[r.dimension] as Record<string, number>)[r.value] = r.count;
  }
  return figures;
});

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
