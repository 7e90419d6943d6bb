import { Prisma } from "../db/generated/client";

/**
 * A project's capex figures as SQL on `"Project" p`, for the projects table's
 * columns (budget, EAC, variance %), its "over budget by more than N%" filter,
 * its count and its exports: the definitions of lib/capex/capex-math.ts
 * (budget = the current approved version; EAC = actual to date + forecast after
 * the last actual month; null without any actual or forecast line), read from
 * the project's CapexSummary row, which the database keeps in the same
 * statement as every line and version write (docs/decisions/0070), so a sort
 * or filter over 20,000 projects reads 20,000 rows, not their lines. Amounts
 * are the project's currency, or the CNY/USD converted amounts stored on each
 * line with its rate set: a sum never mixes currencies.
 */
type AmountColumn = "amount" | "amountCny" | "amountUsd";

const SUFFIX: Record<AmountColumn, string> = { amount: "", amountCny: "Cny", amountUsd: "Usd" };
const summary = (column: string) => Prisma.sql`(SELECT s.${Prisma.raw(`"${column}"`)} FROM "CapexSummary" s WHERE s."projectId" = p."id")`;

export function budgetSql(column: AmountColumn = "amount"): Prisma.Sql {
  return summary(`approved${SUFFIX[column]}`);
}

export function eacSql(column: AmountColumn = "amount"): Prisma.Sql {
  return summary(`eac${SUFFIX[column]}`);
}

/** (EAC − budget) / budget × 100, two decimals, in the project's currency; null without a budget or a cost. */
export const variancePercentSql = Prisma.sql`(SELECT round((s."eac" - s."approved") * 100 / NULLIF(s."approved", 0), 2) FROM "CapexSummary" s WHERE s."projectId" = p."id")`;

/** The columns for the table's rows, as a join (run for a page's rows only). */
export const CAPEX_ROW_JOIN = Prisma.sql`LEFT JOIN LATERAL (
      SELECT s."approved" AS "budget", s."approvedCny" AS "budgetCny", s."approvedUsd" AS "budgetUsd", s."eac", s."eacCny", s."eacUsd",
        (SELECT array_agg(r."name" ORDER BY r."name") FROM "ExchangeRateSet" r WHERE r."id" = ANY(s."rateSetIds")) AS "rateSets"
      FROM "CapexSummary" s WHERE s."projectId" = p."id"
    ) cx ON TRUE`;

export const CAPEX_ROW_COLUMNS = Prisma.sql`p."currency" AS "capexCurrency", cx."budget"::text AS "capexBudget", cx."budgetCny"::text AS "capexBudgetCny", cx."budgetUsd"::text AS "capexBudgetUsd",
      cx."eac"::text AS "capexEac", cx."eacCny"::text AS "capexEacCny", cx."eacUsd"::text AS "capexEacUsd", cx."rateSets" AS "capexRateSets"`;
