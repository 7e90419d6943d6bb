import type { PrismaClient } from "../../lib/db/generated/client";

/**
 * Deterministic capex and KPIs for the synthetic portfolio (projects whose slug
 * starts with "syn-"): one approved original budget per project (months ×
 * every cost category), committed, actual (first 60% of the months) and
 * forecast lines, six monthly KPIs, a ramp-up target series and a design
 * capacity. Written set-wise in SQL (generate_series; values from hashtext of
 * project, category and month), so 20,000 projects load in minutes, not hours.
 * The "Synthetic 2024" rate set converts: 1 USD = 7.1 CNY, 1 CNY = 0.1408 USD.
 */
export interface SyntheticCapexOptions {
  /** months of cost lines and KPIs, from 2024-01 */
  months: number;
}

export async function generateSyntheticCapex(
  prisma: PrismaClient,
  { months }: SyntheticCapexOptions,
): Promise<{ budgetLines: number; costLines: number; kpiActuals: number }> {
  if (!Number.isInteger(months) || months < 1 || months > 240) throw new Error("months must be 1..240");
  const actualMonths = Math.max(1, Math.floor(months * 0.6));
  const x = (sql: string) => prisma.$executeRawUnsafe(sql);
  await x(`INSERT INTO "ExchangeRateSet" (id, name, "effectiveFrom") VALUES (gen_random_uuid(), 'Synthetic 2024', '2020-01-01') ON CONFLICT (name) DO NOTHING`);
  await x(`INSERT INTO "ExchangeRate" ("setId", currency, "toCny", "toUsd")
    SELECT id, c.cur, c.cny, c.usd FROM "ExchangeRateSet", (VALUES ('USD', 7.1, 1), ('CNY', 1, 0.1408)) AS c(cur, cny, usd)
    WHERE name = 'Synthetic 2024' ON CONFLICT DO NOTHING`);
  const rs = `(SELECT id FROM "ExchangeRateSet" WHERE name = 'Synthetic 2024')`;
  const conv = (amt: string) =>
    `${amt}, p.currency, CASE p.currency WHEN 'CNY' THEN ${amt} ELSE round(${amt} * 7.1, 2) END, CASE p.currency WHEN 'USD' THEN ${amt} ELSE round(${amt} * 0.1408, 2) END, ${rs}`;
  const syn = `"Project" p WHERE p.slug LIKE 'syn-%' AND NOT EXISTS (SELECT 1 FROM "BudgetVersion" b WHERE b."projectId" = p.id AND b.label = 'Synthetic FID')`;
  await x(`CREATE TEMP TABLE syn_projects AS SELECT p.id, p.currency FROM ${syn}`);
  try {
    await x(`INSERT INTO "BudgetVersion" (id, "projectId", kind, label, state, currency, "createdByName")
      SELECT gen_random_uuid(), p.id, 'ORIGINAL', 'Synthetic FID', 'DRAFT', p.currency, 'Synthetic' FROM syn_projects p`);
    // budget: 100k–1M per category and month (scaled by 7 for CNY projects)
    const budgetAmt = `round(((100000 + abs(hashtext(p.id::text || c.key || m)) % 900000) * CASE p.currency WHEN 'CNY' THEN 7 ELSE 1 END)::numeric, 2)`;
    const budgetLines = await x(`INSERT INTO "BudgetLine" (id, "budgetVersionId", "categoryId", period, amount, currency, "amountCny", "amountUsd", "rateSetId")
      SELECT gen_random_uuid(), v.id, c.id, (date '2024-01-01' + make_interval(months => m))::date, ${conv(budgetAmt)}
      FROM syn_projects p JOIN "BudgetVersion" v ON v."projectId" = p.id AND v.label = 'Synthetic FID' CROSS JOIN "CostCategory" c CROSS JOIN generate_series(0, ${months - 1}) m`);
    await x(
      `UPDATE "BudgetVersion" SET state = 'APPROVED', "approvedAt" = '2024-01-01', "approvedByName" = 'Synthetic' WHERE label = 'Synthetic FID' AND state = 'DRAFT' AND "projectId" IN (SELECT id FROM syn_projects)`,
    );
    // actual and forecast: the budget × 0.85–1.25 (so some projects overrun); committed: the budget × 1.1 for the actual months
    const factor = (salt: string) => `(0.85 + (abs(hashtext(p.id::text || '${salt}')) % 40) / 100.0)`;
    let costLines = 0;
    for (const [measure, salt, from, to, scale] of [
      ["ACTUAL", "a", 0, actualMonths - 1, factor("a")],
      ["FORECAST", "a", actualMonths, months - 1, factor("a")],
      ["COMMITTED", "c", 0, actualMonths - 1, "1.1"],
    ] as const) {
      if (from > to) continue;
      costLines +=
        await x(`INSERT INTO "CostLine" (id, "projectId", "categoryId", measure, period, amount, currency, "amountCny", "amountUsd", "rateSetId", "externalRef", "updatedAt")
        SELECT gen_random_uuid(), p.id, c.id, '${measure}', (date '2024-01-01' + make_interval(months => m))::date, ${conv(`round(${budgetAmt} * ${scale}, 2)`)}, 'SYN-${measure[0]}-' || c.key || '-' || m, now()
        FROM syn_projects p CROSS JOIN "CostCategory" c CROSS JOIN generate_series(${from}, ${to}) m`);
      void salt;
    }
    // KPIs over the actual months: ore ramps up from 40% to ~100% of a 50k–150k t/month design capacity
    const cap = `(50000 + abs(hashtext(p.id::text || 'cap')) % 100000)`;
    const ramp = `least(1.0, 0.4 + m * 0.6 / ${Math.max(1, actualMonths - 1)})`;
    const kpi = (
      key: string,
      value: string,
    ) => `SELECT gen_random_uuid(), p.id, d.id, (date '2024-01-01' + make_interval(months => m))::date, round((${value})::numeric, 4), now()
      FROM syn_projects p CROSS JOIN generate_series(0, ${actualMonths - 1}) m JOIN "KpiDefinition" d ON d.key = '${key}'`;
    const kpiActuals = await x(`INSERT INTO "KpiActual" (id, "projectId", "definitionId", period, value, "updatedAt")
      ${kpi("ore-milled", `${cap} * ${ramp} * (0.9 + (abs(hashtext(p.id::text || m || 'o')) % 15) / 100.0)`)}
      UNION ALL ${kpi("copper-in-concentrate", `${cap} * ${ramp} * 0.008`)}
      UNION ALL ${kpi("hours-employees", `40000 + abs(hashtext(p.id::text || m || 'he')) % 20000`)}
      UNION ALL ${kpi("hours-contractors", `30000 + abs(hashtext(p.id::text || m || 'hc')) % 30000`)}
      UNION ALL ${kpi("recordable-injuries", `(abs(hashtext(p.id::text || m || 'ri')) % 10) / 8`)}
      UNION ALL ${kpi("lost-time-injuries", `(abs(hashtext(p.id::text || m || 'lt')) % 20) / 18`)}`);
    await x(`INSERT INTO "KpiTarget" (id, "projectId", "definitionId", series, period, value)
      SELECT gen_random_uuid(), p.id, d.id, 'RAMP_UP', (date '2024-01-01' + make_interval(months => m))::date, round((${cap} * ${ramp})::numeric, 4)
      FROM syn_projects p CROSS JOIN generate_series(0, ${months - 1}) m JOIN "KpiDefinition" d ON d.key = 'ore-milled'`);
    await x(`INSERT INTO "KpiDesignCapacity" ("projectId", "definitionId", "monthlyValue")
      SELECT p.id, d.id, ${cap} FROM syn_projects p JOIN "KpiDefinition" d ON d.key = 'ore-milled'`);
    return { budgetLines, costLines, kpiActuals };
  } finally {
    await x(`DROP TABLE IF EXISTS syn_projects`);
  }
}
