import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { DatePrecision, Health } from "../projects/enums";
import type { FuzzyDate } from "../projects/types";
import { narrowsProjects, type DashboardFilters } from "./filters";
import { periodEndSql } from "../dates/period-sql";
import { periodNotEndedBeforeSql, periodStartsContaining, projectFilterSql } from "./sql";
import { addDays, assertIsoDay } from "../dates/portfolio-day";
import type { DashboardMilestone, MilestoneList } from "./types";

/**
 * The dashboard's milestone lists. Open milestones only (state PLANNED); a
 * milestone is due at its forecast, or at its baseline when it has no
 * forecast; dates are periods (a "2026" forecast is due until 31 Dec 2026).
 * Each list is one query: filtering, the total and the first rows in SQL.
 */
export const MILESTONE_LIST_LIMIT = 10;
export const UPCOMING_DAYS = 90;

interface ListOptions {
  filters: DashboardFilters;
  /** YYYY-MM-DD, in the portfolio's time zone (lib/dates/portfolio-day.ts). */
  today: string;
  limit?: number;
}

interface Row {
  id: string;
  title: string;
  title_zh: string | null;
  slug: string;
  name: string;
  name_zh: string | null;
  health: Health;
  due_date: Date;
  due_precision: DatePrecision | null;
  baseline_date: Date | null;
  baseline_precision: DatePrecision | null;
  forecast_date: Date | null;
  forecast_precision: DatePrecision | null;
  days: number | null;
  total: number | null;
}

// Milestones of the filtered projects, only when there are filters: each
// candidate the date index finds checks its own project (a key lookup).
// A scalar subquery, not IN/EXISTS, on purpose: the planner turns a semi-join
// into a hash of every project in scope built before the milestone scan, which
// made a subsidiary's overdue list 5-6x slower than the whole portfolio's at
// 20,000 projects (npm run bench:org); this way a narrower scope costs at most
// the group-wide scan plus one lookup per candidate.
function inFilteredProjects(filters: DashboardFilters): Prisma.Sql {
  return narrowsProjects(filters) ? Prisma.sql`AND (SELECT ${projectFilterSql(filters)} FROM "Project" p WHERE p.id = m."projectId")` : Prisma.empty;
}

// The open milestones with their due date: forecast, else baseline. Two
// branches rather than COALESCE so each can use the (state, forecastDate)
// index. Narrow rows (id and due date): the titles come in at the end, for
// the rows shown only; on PGlite carrying them through costs more than the scan.
function dueMilestones(filters: DashboardFilters, dueCondition: (date: Prisma.Sql) => Prisma.Sql): Prisma.Sql {
  const f = Prisma.sql`m."forecastDate"`;
  const b = Prisma.sql`m."baselineDate"`;
  return Prisma.sql`
    SELECT m.id, m."forecastDate" AS due_date, m."forecastPrecision" AS due_precision
    FROM "Milestone" m
    WHERE m.state = 'PLANNED' AND ${dueCondition(f)} ${inFilteredProjects(filters)}
    UNION ALL
    SELECT m.id, m."baselineDate", m."baselinePrecision"
    FROM "Milestone" m
    WHERE m.state = 'PLANNED' AND m."forecastDate" IS NULL AND ${dueCondition(b)} ${inFilteredProjects(filters)}`;
}

// The first rows of a ranked list with its total, then their milestones' and
// projects' details. The candidates are computed once (MATERIALIZED); the
// total counts them and the page takes the first rows by a top-N sort rather
// than a window count that would sort them all.
function withDetails(ranked: Prisma.Sql, order: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH ranked AS MATERIALIZED (${ranked}),
    page AS (SELECT * FROM ranked ORDER BY ${order} LIMIT ${limit})
    SELECT m.id, m.title, m."titleZh" AS title_zh, p.slug, p."nameEn" AS name, p."nameZh" AS name_zh, p.health,
           page.due_date, page.due_precision, m."baselineDate" AS baseline_date, m."baselinePrecision" AS baseline_precision,
           m."forecastDate" AS forecast_date, m."forecastPrecision" AS forecast_precision, page.days,
           (SELECT count(*) FROM ranked)::int AS total
    FROM page
    JOIN "Milestone" m ON m.id = page.id
    JOIN "Project" p ON p.id = m."projectId"
    ORDER BY ${order}`;
}

/** Past due and not achieved: the due period ended before today. Longest overdue first. */
export async function listOverdueMilestones({ filters, today, limit = MILESTONE_LIST_LIMIT }: ListOptions): Promise<MilestoneList> {
  assertIsoDay(today);
  const prisma = await db();
  const dueEnd = periodEndSql(Prisma.sql`due.due_date`, Prisma.sql`due.due_precision`);
  const rows = await prisma.$queryRaw<Row[]>(
    withDetails(
      Prisma.sql`
        SELECT due.*, ${dueEnd} AS due_end, (${today}::date - ${dueEnd})::int AS days
        FROM (${dueMilestones(filters, (d) => Prisma.sql`${d} < ${today}::date`)}) due
        WHERE NOT (${periodNotEndedBeforeSql(Prisma.sql`due.due_date`, Prisma.sql`due.due_precision`, today)})`,
      Prisma.sql`due_end, due_date, id`,
      limit,
    ),
  );
  return toList(rows, (m, r) => ({ ...m, overdueDays: r.days ?? 0 }));
}

/** Due within the next `days` days: the due period overlaps [today, today + days]. Soonest deadline first. */
export async function listUpcomingMilestones({
  filters,
  today,
  days = UPCOMING_DAYS,
  limit = MILESTONE_LIST_LIMIT,
}: ListOptions & { days?: number }): Promise<MilestoneList> {
  assertIsoDay(today);
  const horizon = addDays(today, days);
  // No period that started before this year's first day is still running (the longest period is a year).
  const earliest = periodStartsContaining(today).YEAR;
  const prisma = await db();
  const rows = await prisma.$queryRaw<Row[]>(
    withDetails(
      Prisma.sql`
        SELECT due.*, ${periodEndSql(Prisma.sql`due.due_date`, Prisma.sql`due.due_precision`)} AS due_end, NULL::int AS days
        FROM (${dueMilestones(filters, (d) => Prisma.sql`${d} >= ${earliest}::date AND ${d} <= ${horizon}::date`)}) due
        WHERE ${periodNotEndedBeforeSql(Prisma.sql`due.due_date`, Prisma.sql`due.due_precision`, today)}`,
      Prisma.sql`due_end, due_date, id`,
      limit,
    ),
  );
  return toList(rows, (m) => m);
}

/**
 * Open milestones furthest behind their baseline: the forecast period starts
 * this many days after the baseline period ends (the certain slip, as
 * lib/dates/fuzzy-date.ts slipDays counts it). Only milestones that slip; no
 * total (counting them all would mean computing every slip, below).
 *
 * Computing a period's end costs per row, and there are tens of thousands of
 * open milestones, so only the candidates get it: a slip is at most the gap
 * between the two periods' first days (`upper`) and at least that minus 365
 * (no period is longer than a year). The `limit` rows with the largest
 * `upper` therefore all slip at least U − 365, where U is the smallest of
 * their `upper`s, and no milestone with `upper` below that can be among the
 * largest slips.
 */
export async function listLargestSlips({ filters, limit = MILESTONE_LIST_LIMIT }: Omit<ListOptions, "today">): Promise<MilestoneList> {
  const prisma = await db();
  // Narrow rows until the last step: on PGlite, carrying titles through the scan costs more than the scan.
  const rows = await prisma.$queryRaw<Row[]>`
    WITH open AS MATERIALIZED (
      SELECT m.id, m."baselineDate", m."baselinePrecision", m."forecastDate", m."forecastDate" - m."baselineDate" AS upper
      FROM "Milestone" m
      WHERE m.state = 'PLANNED' AND m."forecastDate" > m."baselineDate" ${inFilteredProjects(filters)}
    ),
    bound AS (SELECT upper - 365 AS lowest FROM open ORDER BY upper DESC OFFSET ${limit - 1} LIMIT 1),
    slips AS (
      SELECT open.id, open."forecastDate", (open."forecastDate" - ${periodEndSql(Prisma.sql`open."baselineDate"`, Prisma.sql`open."baselinePrecision"`)})::int AS slip
      FROM open
      WHERE open.upper >= COALESCE((SELECT lowest FROM bound), 0)
    ),
    page AS (SELECT * FROM slips WHERE slip > 0 ORDER BY slip DESC, "forecastDate", id LIMIT ${limit})
    SELECT m.id, m.title, m."titleZh" AS title_zh, p.slug, p."nameEn" AS name, p."nameZh" AS name_zh, p.health,
           m."forecastDate" AS due_date, m."forecastPrecision" AS due_precision,
           m."baselineDate" AS baseline_date, m."baselinePrecision" AS baseline_precision,
           m."forecastDate" AS forecast_date, m."forecastPrecision" AS forecast_precision,
           page.slip AS days, NULL::int AS total
    FROM page
    JOIN "Milestone" m ON m.id = page.id
    JOIN "Project" p ON p.id = m."projectId"
    ORDER BY page.slip DESC, page."forecastDate", page.id`;
  return { ...toList(rows, (m, r) => ({ ...m, slipDays: r.days ?? 0 })), total: null };
}

function toList(rows: Row[], extend: (m: DashboardMilestone, r: Row) => DashboardMilestone): MilestoneList {
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) =>
      extend(
        {
          id: r.id,
          title: r.title,
          titleZh: r.title_zh,
          project: { slug: r.slug, name: r.name, nameZh: r.name_zh, health: r.health },
          due: fuzzy(r.due_date, r.due_precision)!,
          baseline: fuzzy(r.baseline_date, r.baseline_precision),
          forecast: fuzzy(r.forecast_date, r.forecast_precision),
        },
        r,
      ),
    ),
  };
}

function fuzzy(date: Date | string | null, precision: DatePrecision | null): FuzzyDate | null {
  if (date === null) return null;
  const day = typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  return { date: day, precision: precision ?? "DAY" };
}
