import "server-only";
import { Prisma } from "../db/generated/client";

/**
 * The last day of the period a fuzzy date stands for, in SQL (dates are stored
 * as the first day of their period, lib/dates/fuzzy-date.ts periodOf); a
 * missing precision means DAY, as in fuzzyFromDb. The one SQL period end: the
 * list's filters and the dashboard's figures both use it.
 *
 * On `timestamp`, not `timestamptz`: `date_trunc` on a `date` would convert
 * through the session's time zone per row, which is both slower (about a third
 * over the 80,000 open milestones the slips list reads at 20,000 projects) and
 * dependent on the connection's TimeZone setting.
 */
export function periodEndSql(date: Prisma.Sql, precision: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${precision}
    WHEN 'MONTH' THEN (date_trunc('month', ${date}::timestamp) + interval '1 month - 1 day')::date
    WHEN 'QUARTER' THEN (date_trunc('quarter', ${date}::timestamp) + interval '3 months - 1 day')::date
    WHEN 'YEAR' THEN (date_trunc('year', ${date}::timestamp) + interval '1 year - 1 day')::date
    ELSE ${date} END)`;
}
