import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { HEALTHS, type Health } from "../projects/enums";
import { TIME_ZONE } from "../i18n/config";
import type { DashboardFilters } from "./filters";
import { narrowsProjects } from "./filters";
import { projectFilterSql } from "./sql";
import { addDays, assertIsoDay } from "../dates/portfolio-day";
import type { TrendPoint } from "./types";

/**
 * Portfolio health over time, from the history: for each month, how many
 * projects had each health as of the month's end (as of today for the current
 * month). A project's health as of a moment is its latest recorded health
 * change (FieldChange "health", dated by its StatusUpdate's occurredAt) up to
 * then; projects count from their first recorded health on.
 *
 * One query, linear in the number of health changes: each change holds from
 * the month it happened until the month of the project's next change (LEAD),
 * so the changes are grouped by (first month, last month, health) and only
 * those few groups are spread over the months.
 */
export const TREND_MONTHS = 24;

interface Options {
  filters: DashboardFilters;
  /** YYYY-MM-DD in the portfolio's time zone. */
  today: string;
  months?: number;
}

export async function getHealthTrend({ filters, today, months = TREND_MONTHS }: Options): Promise<TrendPoint[]> {
  const { starts, ends } = trendMonths(today, months);
  return toPoints(starts, today, await countMonths(filters, ends, months));
}

/**
 * The same trend, its closed months (every month before today's) taken from
 * `closed` when given: what they hold only changes when the history before
 * this month does (the app only ever records at "now") or when a project
 * moves between the filters' regions, lines or units, so the dashboard
 * computes them once and reuses them across status updates (decision 0078's
 * second part, lib/dashboard/data-version.ts). Today's month is then the
 * last closed month's counts with this month's health changes applied: one
 * look-up per project changed this month instead of a pass over the whole history.
 * Equals getHealthTrend (tested: trend-split.db.test.ts).
 */
export async function getHealthTrendSplit({
  filters,
  today,
  months = TREND_MONTHS,
  closed,
}: Options & { closed?: (compute: () => Promise<MonthCounts>) => Promise<MonthCounts> }): Promise<TrendPoint[]> {
  if (months === 1) return getHealthTrend({ filters, today, months });
  const { starts, ends } = trendMonths(today, months);
  const closedEnds = ends.slice(0, months - 1);
  const computeClosed = () => countMonths(filters, closedEnds, months - 1);
  const closedCounts = await (closed ? closed(computeClosed) : computeClosed());
  const counts: MonthCounts = [...closedCounts, await countCurrentMonth(filters, closedEnds[months - 2], ends[months - 1], closedCounts[months - 2])];
  return toPoints(starts, today, counts);
}

/**
 * The history fields the closed months depend on besides health before this
 * month (which the app never records): the dashboard's filters. A unit move
 * writes no history and so is never carried over (data-version.ts).
 */
export const TREND_CLOSED_DEPENDS_ON = ["region", "businessLine"] as const;

/** Per month (oldest first), how many projects had each health at its end. */
export type MonthCounts = Record<Health, number>[];

function trendMonths(today: string, months: number) {
  assertIsoDay(today);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`months must be 1-120, got ${months}`);
  const starts = monthStarts(today, months);
  // Month k holds the changes made before ends[k]: the next month's start, or tomorrow for the current month.
  const ends = [...starts.slice(1), addDays(today, 1)].map((day) => zonedMidnight(day, TIME_ZONE).toISOString());
  return { starts, ends };
}

const zeroCounts = () => Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;

async function countMonths(filters: DashboardFilters, ends: string[], months: number): Promise<MonthCounts> {
  const asOfEnd = ends[ends.length - 1];
  const filtered = narrowsProjects(filters);
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ month: number; health: string; count: number }[]>`
    WITH changes AS (
      SELECT su."projectId" AS project_id, su."occurredAt" AS at, su."recordedAt" AS recorded, su.id AS update_id, fc."after" AS health
      FROM "FieldChange" fc
      JOIN "StatusUpdate" su ON su.id = fc."updateId"
      ${filtered ? Prisma.sql`JOIN "Project" p ON p.id = su."projectId" AND ${projectFilterSql(filters)}` : Prisma.empty}
      WHERE fc.field = 'health' AND su."occurredAt" < ${asOfEnd}::timestamptz
    ), spans AS (
      -- width_bucket: how many month ends are at or before the moment = the first month it counts in
      SELECT health,
             width_bucket(at, ${ends}::timestamptz[]) AS first_month,
             COALESCE(width_bucket(LEAD(at) OVER (PARTITION BY project_id ORDER BY at, recorded, update_id), ${ends}::timestamptz[]), ${months}) AS end_month
      FROM changes
    ), grouped AS (
      SELECT first_month, end_month, health, count(*)::int AS n
      FROM spans
      WHERE end_month > first_month AND health IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'NOT_ASSESSED')
      GROUP BY first_month, end_month, health
    )
    SELECT k AS month, g.health, sum(g.n)::int AS count
    FROM grouped g
    JOIN generate_series(0, ${months - 1}::int) AS k ON k >= g.first_month AND k < g.end_month
    GROUP BY k, g.health`;
  const counts: MonthCounts = Array.from({ length: months }, zeroCounts);
  for (const r of rows) counts[r.month][r.health as Health] = r.count;
  return counts;
}

/**
 * Today's month from the month before: each project whose health was
 * recorded this month leaves its health at the month's start (its latest
 * change before it, if any) and takes its latest one. Same order as the
 * spans above (occurredAt, recordedAt, id).
 */
async function countCurrentMonth(
  filters: DashboardFilters,
  monthStart: string,
  asOfEnd: string,
  before: Record<Health, number>,
): Promise<Record<Health, number>> {
  const filtered = narrowsProjects(filters);
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ now: string | null; prior: string | null; n: number }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (su."projectId") su."projectId" AS project_id, fc."after" AS health
      FROM "StatusUpdate" su
      JOIN "FieldChange" fc ON fc."updateId" = su.id AND fc.field = 'health'
      ${filtered ? Prisma.sql`JOIN "Project" p ON p.id = su."projectId" AND ${projectFilterSql(filters)}` : Prisma.empty}
      WHERE su."occurredAt" >= ${monthStart}::timestamptz AND su."occurredAt" < ${asOfEnd}::timestamptz
      ORDER BY su."projectId", su."occurredAt" DESC, su."recordedAt" DESC, su.id DESC
    )
    SELECT l.health AS now, prior.health AS prior, count(*)::int AS n
    FROM latest l
    LEFT JOIN LATERAL (
      SELECT fc."after" AS health
      FROM "StatusUpdate" su
      JOIN "FieldChange" fc ON fc."updateId" = su.id AND fc.field = 'health'
      WHERE su."projectId" = l.project_id AND su."occurredAt" < ${monthStart}::timestamptz
      ORDER BY su."occurredAt" DESC, su."recordedAt" DESC, su.id DESC
      LIMIT 1
    ) prior ON TRUE
    GROUP BY 1, 2`;
  const counts = { ...before };
  const isHealth = (h: string | null): h is Health => h !== null && (HEALTHS as readonly string[]).includes(h);
  for (const r of rows) {
    if (isHealth(r.prior)) counts[r.prior] -= r.n;
    if (isHealth(r.now)) counts[r.now] += r.n;
  }
  return counts;
}

function toPoints(starts: string[], today: string, counts: MonthCounts): TrendPoint[] {
  const months = starts.length;
  const points: TrendPoint[] = starts.map((month, k) => ({
    month,
    asOf: k === months - 1 ? today : addDays(starts[k + 1], -1),
    counts: { ...counts[k] },
  }));
  // "Since the first history entry": leave out the months before anything was recorded.
  const first = points.findIndex((p) => HEALTHS.some((h) => p.counts[h] > 0));
  return first === -1 ? [] : points.slice(first);
}

/** First days (YYYY-MM-DD) of the `count` months ending with today's. */
export function monthStarts(today: string, count: number): string[] {
  const [y, m] = today.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 10);
  });
}

/** The instant a calendar day starts in a time zone. */
export function zonedMidnight(day: string, timeZone: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const offset = (instant: number) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - instant;
  };
  // Twice: the offset at the guess may differ from the offset at the answer (a DST change that night).
  let instant = utc - offset(utc);
  instant = utc - offset(instant);
  return new Date(instant);
}
