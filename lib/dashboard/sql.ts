import "server-only";
import { Prisma } from "../db/generated/client";
import type { DatePrecision } from "../projects/enums";
import { projectListParamsSchema } from "../projects/list-params";
import { projectWhereSql } from "../projects/project-where";
import type { DashboardFilters } from "./filters";

/**
 * SQL pieces the dashboard's raw queries share. Values always travel as bound
 * parameters (Prisma.sql), never as text.
 */

/**
 * The dashboard's filters as a condition on `"Project" p`: the projects
 * table's own condition (lib/projects/project-where.ts), so that every figure
 * counts exactly the projects its link shows.
 */
export function projectFilterSql(filters: DashboardFilters): Prisma.Sql {
  return projectWhereSql(projectListParamsSchema.parse({ region: filters.region, line: filters.line, org: filters.org }), { scope: filters.scope });
}

/**
 * The first day of the period of each precision that contains `day`. A period
 * (stored as its first day) ends on or after `day` exactly when it starts on or
 * after this date, so "has this period ended?" needs no date arithmetic per row.
 */
export function periodStartsContaining(day: string): Record<DatePrecision, string> {
  const [y, m] = day.split("-").map(Number);
  const pad = (n: number) => String(n).padStart(2, "0");
  const quarterMonth = Math.floor((m - 1) / 3) * 3 + 1;
  return { DAY: day, MONTH: `${y}-${pad(m)}-01`, QUARTER: `${y}-${pad(quarterMonth)}-01`, YEAR: `${y}-01-01` };
}

/** SQL: the stored period starting at `date` with `precision` has not ended before `day`. */
export function periodNotEndedBeforeSql(date: Prisma.Sql, precision: Prisma.Sql, day: string): Prisma.Sql {
  const s = periodStartsContaining(day);
  return Prisma.sql`${date} >= (CASE ${precision}
    WHEN 'MONTH' THEN ${s.MONTH}::date WHEN 'QUARTER' THEN ${s.QUARTER}::date WHEN 'YEAR' THEN ${s.YEAR}::date
    ELSE ${s.DAY}::date END)`;
}
