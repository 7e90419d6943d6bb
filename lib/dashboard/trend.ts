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
  assertIsoDay(today);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`months must be 1-120, got ${months}`);
  const starts = monthStarts(today, months);
  // Month k holds the changes made before ends[k]: the next month's start, or tomorrow for the current month.
  const ends = [...starts.slice(1), addDays(today, 1)].map((day) => zonedMidnight(day, TIME_ZONE).toISOString());
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

  const points: TrendPoint[] = starts.map((month, k) => ({
    month,
    asOf: k === months - 1 ? today : addDays(starts[k + 1], -1),
    counts: Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>,
  }));
  for (const r of rows) points[r.month].counts[r.health as Health] = r.count;
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
