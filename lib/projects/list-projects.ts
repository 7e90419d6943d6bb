import "server-only";
import { atDataVersion } from "../dashboard/data-version";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { fuzzyFromDb, periodOf } from "../dates/fuzzy-date";
import { portfolioToday } from "../dates/portfolio-day";
import { countryNamer } from "../i18n/display-names";
import { scopeSql, scopeWhere, type ReadScope } from "./project-scope";
import { projectWhereSql, relevanceSql, type WhereOptions } from "./project-where";
import { unitsInScope } from "../org/org-units";
import { effectiveSort, type GroupKey, type ProjectListParams, type SortKey } from "./list-params";
import type { AppLocale } from "../i18n/config";
import type { DatePrecision } from "./enums";
import { KNOWN_COUNTRIES } from "./regions";
import type { FilterOptions, GroupCount, ListResult, ProjectCapexColumns, ProjectRow } from "./types";
import { CAPEX_ROW_COLUMNS, CAPEX_ROW_JOIN, variancePercentSql } from "../capex/capex-list-sql";
import { variance } from "../capex/capex-math";
import { dec } from "../capex/money";

const asc = Prisma.sql`ASC`;
const desc = Prisma.sql`DESC`;

/**
 * Options of a list query beyond its filters. `locale` orders names as that
 * interface language does: zh-CN by the pinyin key of the name it shows
 * (lib/projects/pinyin-sort-key.ts), else by the English name.
 */
export interface ListOptions extends WhereOptions {
  locale?: AppLocale;
}

function nameKey(locale: AppLocale | undefined): Prisma.Sql {
  return locale === "zh-CN" ? Prisma.sql`p."nameSortKeyZh"` : Prisma.sql`p."nameSortKey"`;
}

const countryOrder = new Map<string, string[]>();
/** Every known country code, in the order of its name in `locale` (as the table shows it). */
export function countriesByName(locale: string): string[] {
  let order = countryOrder.get(locale);
  if (!order) {
    const name = countryNamer(locale);
    const collator = new Intl.Collator(locale);
    order = [...KNOWN_COUNTRIES].sort((a, b) => collator.compare(name(a) ?? a, name(b) ?? b));
    countryOrder.set(locale, order);
  }
  return order;
}

/** ORDER BY for a sort; every order ends with the name and the id, so pages never overlap. */
function orderSql(params: Pick<ProjectListParams, "q" | "sort" | "dir" | "group">, locale?: AppLocale): Prisma.Sql {
  const dir = params.dir === "desc" ? desc : asc;
  const sort: SortKey = effectiveSort(params);
  const byName = Prisma.sql`${nameKey(locale)} ASC`;
  const nullsLast = (column: string) => Prisma.sql`${Prisma.raw(`p."${column}"`)} ${dir} NULLS LAST, ${byName}`;
  const ORDER: Record<SortKey, () => Prisma.Sql> = {
    name: () => Prisma.sql`${nameKey(locale)} ${dir}`,
    region: () => nullsLast("region"),
    // By the country's name in the reader's language, not its ISO code.
    country: () => Prisma.sql`array_position(ARRAY[${Prisma.join(countriesByName(locale ?? "en"))}]::text[], p."countryCode") ${dir} NULLS LAST, ${byName}`,
    businessLine: () => nullsLast("businessLine"),
    stage: () => nullsLast("stage"),
    health: () => nullsLast("health"),
    progress: () => nullsLast("progressPercent"),
    updated: () => nullsLast("updatedAt"),
    finish: () => nullsLast("forecastFinish"),
    variance: () => Prisma.sql`${variancePercentSql} ${dir} NULLS LAST, ${byName}`,
    relevance: () => Prisma.sql`${relevanceSql(params.q ?? "")} ASC, ${byName}`,
  };
  // Grouped rows come group by group (in the enum's order), sorted within each group.
  const group = params.group ? Prisma.sql`${groupOrder(params.group)} ASC NULLS LAST, ` : Prisma.empty;
  return Prisma.sql`${group}${ORDER[sort]()}, p."id" ASC`;
}

/** A group's key (the unit's code for "organization"). */
function groupColumn(group: GroupKey): Prisma.Sql {
  if (group === "organization") return Prisma.sql`(SELECT u."code" FROM "OrgUnit" u WHERE u."id" = p."orgUnitId")`;
  return Prisma.raw(`p."${group}"`);
}

/** The groups' order: the enum's, or the tree's for "organization" (a parent before its children). */
function groupOrder(group: GroupKey): Prisma.Sql {
  if (group === "organization") return Prisma.sql`(SELECT u."path" FROM "OrgUnit" u WHERE u."id" = p."orgUnitId")`;
  return groupColumn(group);
}

interface RawRow {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  region: ProjectRow["region"];
  countryCode: string | null;
  businessLine: ProjectRow["businessLine"];
  stage: ProjectRow["stage"];
  health: ProjectRow["health"];
  progressPercent: number | null;
  updatedAt: Date;
  forecastFinish: Date | null;
  forecastFinishPrecision: DatePrecision | null;
  operatingCompany: string | null;
  orgCode: string | null;
  orgNameEn: string | null;
  orgNameZh: string | null;
  commodities: string[];
  nextTitle: string | null;
  nextTitleZh: string | null;
  nextForecast: Date | null;
  nextForecastPrecision: DatePrecision | null;
  nextBaseline: Date | null;
  nextBaselinePrecision: DatePrecision | null;
  programmeSlug: string | null;
  programmeNameEn: string | null;
  programmeNameZh: string | null;
  capexCurrency: string;
  capexBudget: string | null;
  capexBudgetCny: string | null;
  capexBudgetUsd: string | null;
  capexEac: string | null;
  capexEacCny: string | null;
  capexEacUsd: string | null;
  capexRateSets: string[] | null;
  managedByMe?: boolean;
}

const ROW_COLUMNS = Prisma.sql`p."id", p."slug", p."nameEn", p."nameZh", p."region"::text AS "region", p."countryCode",
      p."businessLine"::text AS "businessLine", p."stage"::text AS "stage", p."health"::text AS "health",
      p."progressPercent"::int AS "progressPercent", p."updatedAt", p."forecastFinish",
      p."forecastFinishPrecision"::text AS "forecastFinishPrecision", p."operatingCompany", p."commodities",
      nm."title" AS "nextTitle", nm."titleZh" AS "nextTitleZh", nm."forecastDate" AS "nextForecast", nm."forecastPrecision"::text AS "nextForecastPrecision",
      nm."baselineDate" AS "nextBaseline", nm."baselinePrecision"::text AS "nextBaselinePrecision",
      ou."code" AS "orgCode", ou."nameEn" AS "orgNameEn", ou."nameZh" AS "orgNameZh",
      pg."slug" AS "programmeSlug", pg."nameEn" AS "programmeNameEn", pg."nameZh" AS "programmeNameZh",
      ${CAPEX_ROW_COLUMNS}`;

const NEXT_MILESTONE = Prisma.sql`LEFT JOIN LATERAL (
      SELECT m."title", m."titleZh", m."forecastDate", m."forecastPrecision", m."baselineDate", m."baselinePrecision"
      FROM "Milestone" m WHERE m."projectId" = p."id" AND m."state" = 'PLANNED'
      ORDER BY m."forecastDate" ASC NULLS LAST, m."baselineDate" ASC NULLS LAST, m."sortOrder" ASC LIMIT 1
    ) nm ON TRUE
    LEFT JOIN "OrgUnit" ou ON ou."id" = p."orgUnitId"
    LEFT JOIN "Project" pg ON pg."id" = p."programmeId"
    ${CAPEX_ROW_JOIN}`;

/**
 * The projects matching the filters, in list order, `limit` from `offset`, as
 * list rows. The page is cut before the next milestone is looked up, so that
 * lookup runs for the page's rows only.
 */
export async function selectProjectRows(opts: { params: ProjectListParams; limit: number; offset: number; where: ListOptions }): Promise<ProjectRowWithId[]> {
  const prisma = await db();
  const where = projectWhereSql(opts.params, opts.where);
  const order = orderSql(opts.params, opts.where.locale);
  // Whether the reader manages each row: looked up for the page's rows only, by the (projectId, userId) key.
  const managed = opts.where.managerId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "ProjectManager" pm WHERE pm."projectId" = p."id" AND pm."userId" = ${opts.where.managerId})`
    : Prisma.sql`FALSE`;
  const rows = await prisma.$queryRaw<RawRow[]>`
    SELECT ${ROW_COLUMNS}, ${managed} AS "managedByMe"
    FROM (SELECT p.* FROM "Project" p WHERE ${where} ORDER BY ${order} LIMIT ${opts.limit} OFFSET ${opts.offset}) p
    ${NEXT_MILESTONE}
    ORDER BY ${order}`;
  const today = portfolioToday(opts.where?.now);
  return rows.map((r) => toRow(r, today));
}

/** The ids of every matching project, in list order: the snapshot an export walks through in batches. */
export async function selectProjectIds(opts: { params: ProjectListParams; where: ListOptions }): Promise<string[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Project" p WHERE ${projectWhereSql(opts.params, opts.where)} ORDER BY ${orderSql(opts.params, opts.where.locale)}`;
  return rows.map((r) => r.id);
}

/**
 * List rows of the given projects, in the order of `ids` (projects deleted
 * meanwhile, or moved out of the reader's scope, are left out).
 */
export async function selectProjectRowsByIds(ids: readonly string[], { scope }: { scope: ReadScope }): Promise<ProjectRowWithId[]> {
  if (!ids.length) return [];
  const prisma = await db();
  const rows = await prisma.$queryRaw<RawRow[]>`
    SELECT ${ROW_COLUMNS}
    FROM (SELECT p.* FROM "Project" p WHERE p."id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))}) AND ${scopeSql(scope)}) p
    ${NEXT_MILESTONE}`;
  const today = portfolioToday();
  const byId = new Map(rows.map((r) => [r.id, toRow(r, today)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The row's capex columns; null for a project with neither an approved budget nor a cost. */
function capexOfRow(r: RawRow): ProjectCapexColumns | null {
  if (r.capexBudget === null && r.capexEac === null) return null;
  const money = (v: string | null) => (v === null ? null : dec(v).toFixed(2));
  const { variancePercent } = variance(r.capexEac === null ? null : dec(r.capexEac), r.capexBudget === null ? null : dec(r.capexBudget));
  return {
    currency: r.capexCurrency,
    budget: money(r.capexBudget),
    eac: money(r.capexEac),
    variancePercent: variancePercent?.toFixed(2) ?? null,
    converted: { CNY: { budget: money(r.capexBudgetCny), eac: money(r.capexEacCny) }, USD: { budget: money(r.capexBudgetUsd), eac: money(r.capexEacUsd) } },
    rateSets: r.capexRateSets ?? [],
  };
}

export type ProjectRowWithId = ProjectRow & { id: string };

/** `today`: the portfolio's day (YYYY-MM-DD), against which a next milestone is overdue, as on the dashboard. */
function toRow(r: RawRow, today: string): ProjectRowWithId {
  const due = fuzzyFromDb(r.nextForecast, r.nextForecastPrecision) ?? fuzzyFromDb(r.nextBaseline, r.nextBaselinePrecision);
  return {
    id: r.id,
    slug: r.slug,
    nameEn: r.nameEn,
    nameZh: r.nameZh,
    region: r.region,
    countryCode: r.countryCode,
    businessLine: r.businessLine,
    stage: r.stage,
    health: r.health,
    progressPercent: r.progressPercent,
    nextMilestone:
      r.nextTitle && due ? { title: r.nextTitle, titleZh: r.nextTitleZh, due, overdue: periodOf(due).end.toISOString().slice(0, 10) < today } : null,
    updatedAt: r.updatedAt.toISOString(),
    forecastFinish: fuzzyFromDb(r.forecastFinish, r.forecastFinishPrecision),
    operatingCompany: r.operatingCompany,
    organization: r.orgCode ? { code: r.orgCode, nameEn: r.orgNameEn ?? r.orgCode, nameZh: r.orgNameZh } : null,
    commodities: r.commodities,
    programme: r.programmeSlug && r.programmeNameEn ? { slug: r.programmeSlug, nameEn: r.programmeNameEn, nameZh: r.programmeNameZh } : null,
    capex: capexOfRow(r),
    ...(r.managedByMe !== undefined ? { managedByMe: r.managedByMe } : {}),
  };
}

export async function countProjects(opts: { params: ProjectListParams; where: WhereOptions }): Promise<number> {
  const prisma = await db();
  const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "Project" p WHERE ${projectWhereSql(opts.params, opts.where)}`;
  return count;
}

/** One page of projects matching the filters, with the total; count and rows run in parallel. */
export async function listProjects(params: ProjectListParams, where: ListOptions): Promise<ListResult<ProjectRow>> {
  const [total, rows] = await Promise.all([
    countProjects({ params, where }),
    selectProjectRows({ params, where, limit: params.pageSize, offset: (params.page - 1) * params.pageSize }),
  ]);
  return { rows: rows.map(({ id: _id, ...row }) => row), total, page: params.page, pageSize: params.pageSize };
}

/** How many matching projects each group holds, counted in the database, in the enum's order. */
export async function countProjectGroups(opts: { params: ProjectListParams; group: GroupKey; where: WhereOptions }): Promise<GroupCount[]> {
  const prisma = await db();
  const column = groupColumn(opts.group);
  return prisma.$queryRaw<GroupCount[]>`
    SELECT ${column}::text AS "key", count(*)::int AS "count" FROM "Project" p
    WHERE ${projectWhereSql(opts.params, opts.where)} GROUP BY ${column} ORDER BY min(${groupOrder(opts.group)}) ASC NULLS LAST`;
}

/** Values the filters can offer: the countries, commodities and operating companies present in the reader's scope. */
export async function listFilterOptions({ scope }: { scope: ReadScope }): Promise<FilterOptions> {
  // Three scans of the projects, the same for every reader of one scope: computed once per data version
  // (any recorded change or new project moves it; see lib/dashboard/data-version.ts). The units are read fresh.
  const [values, units] = await Promise.all([atDataVersion("filter-options", scope, () => computeFilterOptions(scope)), unitsInScope(scope)]);
  return { ...values, units };
}

async function computeFilterOptions(scope: ReadScope): Promise<Omit<FilterOptions, "units">> {
  const prisma = await db();
  const inScope = scopeWhere(scope);
  const [countries, commodities, companies] = await Promise.all([
    prisma.project.groupBy({ by: ["countryCode", "region"], where: { AND: [inScope, { countryCode: { not: null } }] }, orderBy: { countryCode: "asc" } }),
    prisma.$queryRaw<{ value: string }[]>`SELECT DISTINCT unnest(p."commodities") AS "value" FROM "Project" p WHERE ${scopeSql(scope)} ORDER BY 1`,
    prisma.project.groupBy({ by: ["operatingCompany"], where: { AND: [inScope, { operatingCompany: { not: null } }] }, orderBy: { operatingCompany: "asc" } }),
  ]);
  return {
    countries: countries.map((c) => ({ code: c.countryCode!, region: c.region })),
    commodities: commodities.map((c) => c.value),
    companies: companies.map((c) => c.operatingCompany!),
  };
}
