import { Prisma } from "../db/generated/client";

/**
 * A project's capex figures as SQL on `"Project" p`, for the projects table's
 * columns (budget, EAC, variance %), its "over budget by more than N%" filter,
 * its count and its exports: the definitions of lib/capex/capex-math.ts
 * (budget = the current approved version; EAC = actual to date + forecast after
 * the last actual month; null without any actual or forecast line). Amounts are
 * the project's currency, or the CNY/USD converted amounts stored on each line
 * with its rate set: a sum never mixes currencies.
 */
type AmountColumn = "amount" | "amountCny" | "amountUsd";

const currentApproved = Prisma.sql`(SELECT v."id" FROM "BudgetVersion" v WHERE v."projectId" = p."id" AND v."state" = 'APPROVED' ORDER BY v."approvedAt" DESC LIMIT 1)`;
const lastActual = Prisma.sql`(SELECT max(a."period") FROM "CostLine" a WHERE a."projectId" = p."id" AND a."measure" = 'ACTUAL')`;
const eacLines = Prisma.sql`c."projectId" = p."id" AND (c."measure" = 'ACTUAL' OR (c."measure" = 'FORECAST' AND c."period" > COALESCE(${lastActual}, '-infinity'::date)))`;

export function budgetSql(column: AmountColumn = "amount"): Prisma.Sql {
  return Prisma.sql`(SELECT sum(l.${Prisma.raw(`"${column}"`)}) FROM "BudgetLine" l WHERE l."budgetVersionId" = ${currentApproved})`;
}

export function eacSql(column: AmountColumn = "amount"): Prisma.Sql {
  return Prisma.sql`(SELECT sum(c.${Prisma.raw(`"${column}"`)}) FROM "CostLine" c WHERE ${eacLines})`;
}

/** (EAC − budget) / budget × 100, two decimals, in the project's currency; null without a budget or a cost. */
export const variancePercentSql = Prisma.sql`round((${eacSql()} - ${budgetSql()}) * 100 / NULLIF(${budgetSql()}, 0), 2)`;

/** The columns for the table's rows, as a lateral join (run for a page's rows only). */
export const CAPEX_ROW_JOIN = Prisma.sql`LEFT JOIN LATERAL (
      SELECT b."amount" AS "budget", b."cny" AS "budgetCny", b."usd" AS "budgetUsd", e."amount" AS "eac", e."cny" AS "eacCny", e."usd" AS "eacUsd",
        (SELECT array_agg(s."name" ORDER BY s."name") FROM "ExchangeRateSet" s WHERE s."id" IN (
          SELECT l."rateSetId" FROM "BudgetLine" l WHERE l."budgetVersionId" = ${currentApproved}
          UNION SELECT c."rateSetId" FROM "CostLine" c WHERE ${eacLines})) AS "rateSets"
      FROM (SELECT sum(l."amount") AS "amount", sum(l."amountCny") AS "cny", sum(l."amountUsd") AS "usd" FROM "BudgetLine" l WHERE l."budgetVersionId" = ${currentApproved}) b,
        (SELECT sum(c."amount") AS "amount", sum(c."amountCny") AS "cny", sum(c."amountUsd") AS "usd" FROM "CostLine" c WHERE ${eacLines}) e
    ) cx ON TRUE`;

export const CAPEX_ROW_COLUMNS = Prisma.sql`p."currency" AS "capexCurrency", cx."budget"::text AS "capexBudget", cx."budgetCny"::text AS "capexBudgetCny", cx."budgetUsd"::text AS "capexBudgetUsd",
      cx."eac"::text AS "capexEac", cx."eacCny"::text AS "capexEacCny", cx."eacUsd"::text AS "capexEacUsd", cx."rateSets" AS "capexRateSets"`;
