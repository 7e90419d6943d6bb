import { variancePercentSql } from "../capex/capex-list-sql";
import { Prisma } from "../db/generated/client";
import { periodEndSql } from "../dates/period-sql";
import { addDays, portfolioToday } from "../dates/portfolio-day";
import { NO_REGION, type ProjectListParams } from "./list-params";
import { scopeSql, type ReadScope } from "./project-scope";
import { countryNamer } from "../i18n/display-names";
import { KNOWN_COUNTRIES } from "./regions";
import { commoditiesMatching } from "./search-terms";
import { subdivisionsMatching } from "../i18n/subdivisions";

/**
 * The list's filters as one SQL condition on `"Project" p`, shared by the list,
 * its count, the group counts, the exports and the timeline, so that each shows
 * exactly the same projects. SQL rather than a Prisma `where` because two
 * filters compare computed values Prisma cannot express: a fuzzy date's period
 * end (slipping) and the search's relevance. Every value is a bound parameter
 * (Prisma.sql); nothing from the request is concatenated into the text.
 */
export type ProjectFilter = Pick<
  ProjectListParams,
  | "q"
  | "region"
  | "country"
  | "line"
  | "stage"
  | "health"
  | "commodity"
  | "company"
  | "org"
  | "programme"
  | "finishAfter"
  | "finishBefore"
  | "due"
  | "slipping"
  | "stale"
  | "mine"
> & { overBudget?: number };

export interface WhereOptions {
  /** "today" for the relative filters (due within, stale); injectable for tests */
  now?: Date;
  /**
   * What the reader may read (lib/projects/project-scope.ts readScopeOf):
   * required, so no query forgets it.
   */
  scope: ReadScope;
  /**
   * The reader whose manager assignments "mine" means (the session's user id,
   * never a parameter of the request); none (anonymous): "mine" matches nothing.
   */
  managerId?: string | null;
}

const col = (name: string) => Prisma.raw(`p."${name}"`);
const mcol = (name: string) => Prisma.raw(`m."${name}"`);

/** LIKE pattern for "contains": the search's own % _ \ match literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}

let countryNames: { code: string; names: string[] }[] | undefined;
/** Countries whose English or Chinese name contains the search (country is stored as a code). */
export function countriesMatching(q: string): string[] {
  countryNames ??= (() => {
    const en = countryNamer("en");
    const zh = countryNamer("zh");
    const cldr = new Intl.DisplayNames(["en"], { type: "region" });
    // The shown names, and CLDR's own English one too ("Congo - Kinshasa" still finds DR Congo).
    return KNOWN_COUNTRIES.map((code) => ({ code, names: [en(code), zh(code), cldr.of(code)].filter((n): n is string => !!n).map((n) => n.toLowerCase()) }));
  })();
  const needle = q.toLowerCase();
  if (needle.length < 2) return [];
  return countryNames.filter((c) => c.names.some((n) => n.includes(needle))).map((c) => c.code);
}

export function projectWhereSql(params: ProjectFilter, options: WhereOptions): Prisma.Sql {
  const now = options.now ?? new Date();
  const and: Prisma.Sql[] = [];
  if (!options.scope.all) and.push(scopeSql(options.scope));
  // Values are cast to the column's enum type so the column's index stays usable.
  const anyOf = (column: string, values: readonly string[], enumType?: string) =>
    and.push(
      Prisma.sql`${col(column)} IN (${Prisma.join(values.map((v) => (enumType ? Prisma.sql`${v}::${Prisma.raw(`"${enumType}"`)}` : Prisma.sql`${v}`)))})`,
    );
  if (params.region.length) {
    const regions = params.region.filter((r) => r !== NO_REGION);
    const inRegions = regions.length ? Prisma.sql`p."region" IN (${Prisma.join(regions.map((v) => Prisma.sql`${v}::"Region"`))})` : null;
    const none = params.region.includes(NO_REGION) ? Prisma.sql`p."region" IS NULL` : null;
    and.push(inRegions && none ? Prisma.sql`(${inRegions} OR ${none})` : (inRegions ?? none)!);
  }
  if (params.country.length) anyOf("countryCode", params.country);
  if (params.line.length) anyOf("businessLine", params.line, "BusinessLine");
  if (params.stage.length) anyOf("stage", params.stage, "Stage");
  if (params.health.length) anyOf("health", params.health, "Health");
  if (params.company.length) anyOf("operatingCompany", params.company);
  if (params.org?.length)
    and.push(
      Prisma.sql`p."orgUnitId" IN (SELECT d."id" FROM "OrgUnit" d JOIN "OrgUnit" a ON d."path" LIKE a."path" || '%' WHERE a."code" IN (${Prisma.join(params.org)}))`,
    );
  if (params.programme.length)
    and.push(Prisma.sql`p."programmeId" IN (SELECT pp."id" FROM "Project" pp WHERE pp."slug" IN (${Prisma.join(params.programme)}))`);
  if (params.commodity.length) and.push(Prisma.sql`p."commodities" && ARRAY[${Prisma.join(params.commodity)}]::text[]`);

  // A forecast finish known only to a year is "before" a day when its period may be: compare by overlap.
  const finishEnd = periodEndSql(col("forecastFinish"), Prisma.sql`p."forecastFinishPrecision"::text`);
  if (params.finishAfter) and.push(Prisma.sql`${finishEnd} >= ${params.finishAfter}::date`);
  if (params.finishBefore) and.push(Prisma.sql`p."forecastFinish" <= ${params.finishBefore}::date`);

  if (params.due !== undefined) {
    // Due = the milestone's (forecast, else baseline) period overlaps [today, today + N]; overdue ones are not "due within".
    // The portfolio's day (Beijing), as on the dashboard: not the server's UTC day.
    const today = portfolioToday(now);
    const until = addDays(today, params.due);
    const dueDate = Prisma.sql`COALESCE(m."forecastDate", m."baselineDate")`;
    const duePrecision = Prisma.sql`(CASE WHEN m."forecastDate" IS NOT NULL THEN m."forecastPrecision" ELSE m."baselinePrecision" END)::text`;
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Milestone" m WHERE m."projectId" = p."id" AND m."state" = 'PLANNED'
      AND ${dueDate} <= ${until}::date AND ${periodEndSql(dueDate, duePrecision)} >= ${today}::date)`);
  }

  if (params.slipping) {
    const baselineEnd = periodEndSql(mcol("baselineDate"), Prisma.sql`m."baselinePrecision"::text`);
    const forecastEnd = periodEndSql(mcol("forecastDate"), Prisma.sql`m."forecastPrecision"::text`);
    const actualEnd = periodEndSql(mcol("actualDate"), Prisma.sql`m."actualPrecision"::text`);
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Milestone" m WHERE m."projectId" = p."id" AND m."baselineDate" IS NOT NULL
      AND (${forecastEnd} > ${baselineEnd} OR ${actualEnd} > ${baselineEnd}))`);
  }

  if (params.overBudget !== undefined) and.push(Prisma.sql`${variancePercentSql} > ${params.overBudget}`);
  if (params.mine)
    and.push(
      options.managerId
        ? Prisma.sql`EXISTS (SELECT 1 FROM "ProjectManager" pm WHERE pm."projectId" = p."id" AND pm."userId" = ${options.managerId})`
        : Prisma.sql`FALSE`,
    );

  if (params.stale !== undefined) and.push(Prisma.sql`p."updatedAt" < ${new Date(now.getTime() - params.stale * 86_400_000)}`);

  const q = params.q?.trim();
  if (q) {
    // "searchText" holds the lower-cased names (both languages), summary,
    // operating company and milestone titles, kept by triggers and indexed
    // by trigrams (migration 20261125215229_search_text); lower(x) LIKE is what
    // ILIKE does for UTF-8, without its per-character slow path. Countries are
    // stored as codes, commodities as English keys and subdivisions as their
    // English names, so their names in both languages are matched here and
    // the query asks for the stored values. Each arm has its own index
    // (trigram, country, commodities GIN, subdivision), so the OR stays a
    // bitmap of index scans rather than a walk of every project.
    const pattern = containsPattern(q.toLowerCase());
    const countries = countriesMatching(q);
    const commodities = commoditiesMatching(q);
    const subdivisions = subdivisionsMatching(q);
    and.push(Prisma.sql`(p."searchText" LIKE ${pattern}
      ${countries.length ? Prisma.sql`OR p."countryCode" IN (${Prisma.join(countries)})` : Prisma.empty}
      ${commodities.length ? Prisma.sql`OR p."commodities" && ARRAY[${Prisma.join(commodities)}]::text[]` : Prisma.empty}
      ${subdivisions.length ? Prisma.sql`OR p."subdivision" IN (${Prisma.join(subdivisions)})` : Prisma.empty})`);
  }
  return and.length ? Prisma.join(and, " AND ") : Prisma.sql`TRUE`;
}

/**
 * Relevance of a project to the search, lower first: exact name, name prefix,
 * name contains, then a match in another field only.
 */
export function relevanceSql(q: string): Prisma.Sql {
  const exact = q.trim().toLowerCase();
  const prefix = `${exact.replace(/[\\%_]/g, "\\$&")}%`;
  const contains = containsPattern(exact);
  return Prisma.sql`(CASE
    WHEN lower(p."nameEn") = ${exact} OR lower(p."nameZh") = ${exact} THEN 0
    WHEN lower(p."nameEn") LIKE ${prefix} OR lower(p."nameZh") LIKE ${prefix} THEN 1
    WHEN lower(p."nameEn") LIKE ${contains} OR lower(p."nameZh") LIKE ${contains} THEN 2
    ELSE 3 END)`;
}
