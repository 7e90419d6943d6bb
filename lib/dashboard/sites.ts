import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Health } from "../projects/enums";
import { CHINA_PROVINCES } from "./geo/china-provinces";
import type { DashboardFilters } from "./filters";
import { projectFilterSql } from "./sql";
import type { PortfolioSite, PortfolioSites, SiteProject } from "./types";

/**
 * Where the portfolio is: one site per country (placed at its centroid by the
 * map) for projects without coordinates, one per province for China's
 * projects whose province the map can place (the China inset, issue 17.12),
 * and one per half-degree cell for projects with coordinates. Counts by health are grouped in the database; a
 * site's projects are listed only when there are few (a country with 10,000
 * projects gets its counts and links into the table instead).
 */
export const SITE_LIST_MAX = 15;
export const UNLOCATED_LIST_MAX = 10;
/** Markers beyond this many (the smallest sites) are left off the map and counted. */
export const MAX_SITES = 400;

const LOCATED = Prisma.sql`(p."countryCode" IS NOT NULL OR (p.latitude IS NOT NULL AND p.longitude IS NOT NULL))`;
const HAS_COORDS = Prisma.sql`(p.latitude IS NOT NULL AND p.longitude IS NOT NULL)`;
// Half-degree cells (about 55 km), numbered: projects in one cell share a marker.
const CELL_LAT = Prisma.sql`CASE WHEN ${HAS_COORDS} THEN round(p.latitude * 2)::int END`;
const CELL_LON = Prisma.sql`CASE WHEN ${HAS_COORDS} THEN round(p.longitude * 2)::int END`;
// A Chinese project without coordinates, in a province the inset knows: its own site per province.
const PROVINCE = Prisma.sql`CASE WHEN p."countryCode" = 'CN' AND NOT ${HAS_COORDS} AND p.subdivision = ANY(${[...CHINA_PROVINCES]}::text[]) THEN p.subdivision END`;
const SEVERITY = Prisma.sql`CASE p.health WHEN 'OFF_TRACK' THEN 0 WHEN 'AT_RISK' THEN 1 WHEN 'ON_TRACK' THEN 2 ELSE 3 END`;

interface SiteRow {
  country_code: string | null;
  cell_lat: number | null;
  cell_lon: number | null;
  subdivision: string | null;
  latitude: number | null;
  longitude: number | null;
  total: number;
  on_track: number;
  at_risk: number;
  off_track: number;
  not_assessed: number;
  /** All sites, of which the largest `maxSites` are returned. */
  sites: number;
}

interface ProjectRow {
  country_code: string | null;
  cell_lat: number | null;
  cell_lon: number | null;
  subdivision: string | null;
  slug: string;
  name: string;
  name_zh: string | null;
  health: Health;
  total: number;
}

/** A site's key: its country and, for projects placed by coordinates, its cell ("CN::" or "CN:80:233"), or its province ("CN:::Hunan"). */
const siteKey = (r: { country_code: string | null; cell_lat: number | null; cell_lon: number | null; subdivision: string | null }) =>
  `${r.country_code ?? ""}:${r.cell_lat ?? ""}:${r.cell_lon ?? ""}${r.subdivision ? `:${r.subdivision}` : ""}`;

export async function listPortfolioSites({
  filters,
  maxSites = MAX_SITES,
}: {
  filters: DashboardFilters;
  maxSites?: number;
}): Promise<PortfolioSites & { omittedSites: number }> {
  const prisma = await db();
  const where = projectFilterSql(filters);

  const siteRows = await prisma.$queryRaw<SiteRow[]>`
    SELECT p."countryCode" AS country_code, ${CELL_LAT} AS cell_lat, ${CELL_LON} AS cell_lon, ${PROVINCE} AS subdivision,
           avg(p.latitude)::float8 AS latitude, avg(p.longitude)::float8 AS longitude,
           count(*)::int AS total,
           (count(*) FILTER (WHERE p.health = 'ON_TRACK'))::int AS on_track,
           (count(*) FILTER (WHERE p.health = 'AT_RISK'))::int AS at_risk,
           (count(*) FILTER (WHERE p.health = 'OFF_TRACK'))::int AS off_track,
           (count(*) FILTER (WHERE p.health = 'NOT_ASSESSED'))::int AS not_assessed,
           (count(*) OVER ())::int AS sites
    FROM "Project" p
    WHERE ${where} AND ${LOCATED}
    GROUP BY 1, 2, 3, 4
    ORDER BY total DESC, 1, 2, 3, 4
    LIMIT ${maxSites}`;
  const shown = siteRows;

  // The projects of the small sites: by country (indexed) for sites at a
  // country's centroid, by cell for sites placed by coordinates.
  const small = shown.filter((s) => s.total <= SITE_LIST_MAX);
  const byCountry = small.filter((s) => s.cell_lat === null && s.country_code !== null).map((s) => s.country_code!);
  const byCell = small.filter((s) => s.cell_lat !== null);
  // Each branch only when needed: an OR across both would make every query scan the whole table.
  const smallSites: Prisma.Sql[] = [];
  if (byCountry.length) smallSites.push(Prisma.sql`(p."countryCode" = ANY(${byCountry}::text[]) AND NOT ${HAS_COORDS})`);
  if (byCell.length)
    smallSites.push(Prisma.sql`(${HAS_COORDS} AND (COALESCE(p."countryCode", ''), ${CELL_LAT}, ${CELL_LON}) IN (
      SELECT * FROM unnest(${byCell.map((s) => s.country_code ?? "")}::text[], ${byCell.map((s) => s.cell_lat)}::int[], ${byCell.map((s) => s.cell_lon)}::int[])))`);
  const [projectRows, unlocatedRows] = await Promise.all([
    smallSites.length
      ? prisma.$queryRaw<ProjectRow[]>`
          SELECT p."countryCode" AS country_code, ${CELL_LAT} AS cell_lat, ${CELL_LON} AS cell_lon, ${PROVINCE} AS subdivision, p.slug, p."nameEn" AS name, p."nameZh" AS name_zh, p.health, 0 AS total
          FROM "Project" p
          WHERE ${where} AND (${Prisma.join(smallSites, " OR ")})
          ORDER BY ${SEVERITY}, p."nameSortKey", p.id`
      : Promise.resolve([] as ProjectRow[]),
    prisma.$queryRaw<ProjectRow[]>`
      SELECT NULL AS country_code, NULL AS cell_lat, NULL AS cell_lon, NULL AS subdivision, p.slug, p."nameEn" AS name, p."nameZh" AS name_zh, p.health, (count(*) OVER ())::int AS total
      FROM "Project" p
      WHERE ${where} AND p."countryCode" IS NULL AND NOT ${HAS_COORDS}
      ORDER BY ${SEVERITY}, p."nameSortKey", p.id
      LIMIT ${UNLOCATED_LIST_MAX}`,
  ]);

  // Fetched by country, a small province's query also returns a large province's projects: keep only the small sites'.
  const smallKeys = new Set(small.map(siteKey));
  const byKey = new Map<string, SiteProject[]>();
  for (const r of projectRows) {
    if (!smallKeys.has(siteKey(r))) continue;
    byKey.set(siteKey(r), [...(byKey.get(siteKey(r)) ?? []), { slug: r.slug, name: r.name, nameZh: r.name_zh, health: r.health }]);
  }

  const sites: PortfolioSite[] = shown.map((s) => ({
    key: siteKey(s),
    countryCode: s.country_code,
    subdivision: s.subdivision,
    latitude: s.latitude,
    longitude: s.longitude,
    total: s.total,
    health: { ON_TRACK: s.on_track, AT_RISK: s.at_risk, OFF_TRACK: s.off_track, NOT_ASSESSED: s.not_assessed },
    projects: byKey.get(siteKey(s)) ?? [],
  }));
  return {
    sites,
    omittedSites: Math.max(0, (siteRows[0]?.sites ?? 0) - siteRows.length),
    unlocated: {
      total: unlocatedRows[0]?.total ?? 0,
      projects: unlocatedRows.map((r) => ({ slug: r.slug, name: r.name, nameZh: r.name_zh, health: r.health })),
    },
  };
}
