import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import type { PrismaClient } from "../db/generated/client";
import { applyKpiUpload } from "../kpis/kpi-upload";
import { setKpiActual } from "../kpis/kpi-mutations";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { approveBudgetVersion, createBudgetVersion, createRateSet, setBudgetLine, setCostLine } from "./capex-mutations";
import { applyCostUpload } from "./cost-upload";

/**
 * The summaries the database keeps beside the lines (CostMonth, BudgetMonth,
 * CapexSummary, KpiSummary; docs/decisions/0070) equal what the lines say
 * after every kind of write: form, upload, a reversing line, a new budget
 * version, a line in a month of a newer rate set, a refused write, a removal.
 * The expected values are computed here from the lines alone, with the
 * definitions of lib/capex/capex-math.ts.
 */
async function fromLines(prisma: PrismaClient) {
  const q = <T>(sql: string) => prisma.$queryRawUnsafe<T[]>(sql);
  return {
    costMonths: await q(`SELECT "projectId", measure::text, period::text, currency, "rateSetId", sum(amount)::text AS amount, sum("amountCny")::text AS cny,
        sum("amountUsd")::text AS usd, count(*)::int AS lines FROM "CostLine" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
    budgetMonths: await q(`SELECT "budgetVersionId", period::text, currency, "rateSetId", sum(amount)::text AS amount, sum("amountCny")::text AS cny,
        sum("amountUsd")::text AS usd, count(*)::int AS lines FROM "BudgetLine" GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`),
    projects: await q(`SELECT p.id AS "projectId", p.currency, cur.id AS "approvedVersionId",
        (SELECT sum(l.amount) FROM "BudgetLine" l WHERE l."budgetVersionId" = cur.id)::text AS approved,
        (SELECT sum(l."amountCny") FROM "BudgetLine" l WHERE l."budgetVersionId" = cur.id)::text AS "approvedCny",
        (SELECT sum(l."amountUsd") FROM "BudgetLine" l WHERE l."budgetVersionId" = cur.id)::text AS "approvedUsd",
        la.through::text AS "actualThrough", e.amount::text AS eac, e.cny::text AS "eacCny", e.usd::text AS "eacUsd", e.sets::text AS "rateSetIds"
      FROM "Project" p
      LEFT JOIN LATERAL (SELECT v.id FROM "BudgetVersion" v WHERE v."projectId" = p.id AND v.state = 'APPROVED' ORDER BY v."approvedAt" DESC LIMIT 1) cur ON TRUE
      LEFT JOIN LATERAL (SELECT max(c.period) AS through FROM "CostLine" c WHERE c."projectId" = p.id AND c.measure = 'ACTUAL') la ON TRUE
      LEFT JOIN LATERAL (SELECT sum(c.amount) AS amount, sum(c."amountCny") AS cny, sum(c."amountUsd") AS usd,
          ARRAY(SELECT DISTINCT x FROM (SELECT c2."rateSetId" FROM "CostLine" c2 WHERE c2."projectId" = p.id AND (c2.measure = 'ACTUAL' OR (c2.measure = 'FORECAST' AND c2.period > COALESCE(la.through, '-infinity'::date)))
            UNION SELECT l."rateSetId" FROM "BudgetLine" l WHERE l."budgetVersionId" = cur.id) y(x) ORDER BY x) AS sets
        FROM "CostLine" c WHERE c."projectId" = p.id AND (c.measure = 'ACTUAL' OR (c.measure = 'FORECAST' AND c.period > COALESCE(la.through, '-infinity'::date)))) e ON TRUE
      WHERE EXISTS (SELECT 1 FROM "BudgetVersion" v WHERE v."projectId" = p.id) OR EXISTS (SELECT 1 FROM "CostLine" c WHERE c."projectId" = p.id)
      ORDER BY 1`),
    kpis: await q(`SELECT a."projectId", a."definitionId", a.period::text AS "latestPeriod", a.value::text AS "latestValue",
        (SELECT sum(b.value) FROM "KpiActual" b WHERE b."projectId" = a."projectId" AND b."definitionId" = a."definitionId"
          AND b.period > (a.period - interval '12 months')::date AND b.period <= a.period)::text AS sum12
      FROM "KpiActual" a WHERE a.period = (SELECT max(c.period) FROM "KpiActual" c WHERE c."projectId" = a."projectId" AND c."definitionId" = a."definitionId")
      ORDER BY 1, 2`),
  };
}

async function summaries(prisma: PrismaClient) {
  const q = <T>(sql: string) => prisma.$queryRawUnsafe<T[]>(sql);
  return {
    costMonths:
      await q(`SELECT "projectId", measure::text, period::text, currency, "rateSetId", amount::text, "amountCny"::text AS cny, "amountUsd"::text AS usd, lines
      FROM "CostMonth" ORDER BY 1, 2, 3, 4, 5`),
    budgetMonths:
      await q(`SELECT "budgetVersionId", period::text, currency, "rateSetId", amount::text, "amountCny"::text AS cny, "amountUsd"::text AS usd, lines
      FROM "BudgetMonth" ORDER BY 1, 2, 3, 4`),
    projects: await q(`SELECT "projectId", currency, "approvedVersionId", approved::text, "approvedCny"::text, "approvedUsd"::text, "actualThrough"::text,
        eac::text, "eacCny"::text, "eacUsd"::text, "rateSetIds"::text FROM "CapexSummary" ORDER BY 1`),
    kpis: await q(`SELECT "projectId", "definitionId", "latestPeriod"::text, "latestValue"::text, sum12::text FROM "KpiSummary" ORDER BY 1, 2`),
  };
}

describe.each(testBackends())("capex and KPI summaries on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let manager: Viewer;
  const expectConsistent = async () => {
    const prisma = database().prisma;
    const [expected, actual] = [await fromLines(prisma), await summaries(prisma)];
    expect(actual).toEqual(expected);
    return actual;
  };
  const ok = <T>(r: { ok: true; data: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "sx", countryCode: "PE" }), buildProject({ slug: "sy", countryCode: "CN" })] });
    admin = await createViewer(prisma, "admin", "Ada Admin");
    manager = await createViewer(prisma, "manager", "Mei Manager");
    await assignManager(prisma, manager, "sx");
    await assignManager(prisma, manager, "sy");
    ok(
      await createRateSet({
        viewer: admin,
        input: {
          name: "Budget 2026",
          effectiveFrom: "2026-01",
          rates: [
            { currency: "USD", toCny: "7.10", toUsd: "1" },
            { currency: "CNY", toCny: "1", toUsd: "0.1408" },
          ],
        },
      }),
    );
  });

  it("follow every kind of write, and stay as they were when a write is refused", async () => {
    const prisma = database().prisma;
    expect((await expectConsistent()).projects).toEqual([]);

    // form: budget lines of a draft (one set, one replaced, one removed with 0), then approval
    const v1 = ok(await createBudgetVersion({ viewer: manager, slug: "sx", input: { kind: "ORIGINAL", label: "FID" } }));
    let version = v1.version;
    for (const [category, period, amount] of [
      ["mining", "2026-01", "1000.00"],
      ["mining", "2026-02", "2000.10"],
      ["infrastructure", "2026-02", "500.05"],
      ["mining", "2026-02", "2500.10"],
      ["infrastructure", "2026-02", "0"],
    ] as const)
      version = ok(await setBudgetLine({ viewer: manager, slug: "sx", versionId: v1.id, input: { version, category, period, amount } })).version;
    await expectConsistent();
    ok(await approveBudgetVersion({ viewer: admin, slug: "sx", versionId: v1.id, input: { version } }));
    const approved = await expectConsistent();
    expect(approved.projects).toMatchObject([{ approved: "3500.10", approvedCny: "24850.71", eac: null }]);

    // form: cost lines, one corrected with its version, and a reversing line
    const line = (externalRef: string, measure: string, period: string, amount: string, over: object = {}) =>
      setCostLine({ viewer: manager, slug: "sx", input: { externalRef, category: "mining", measure, period, amount, currency: "USD", ...over } });
    ok(await line("A-1", "ACTUAL", "2026-01", "900.00"));
    ok(await line("F-2", "FORECAST", "2026-02", "2600.00"));
    ok(await line("F-1", "FORECAST", "2026-01", "950.00"));
    const c = ok(await line("C-1", "COMMITTED", "2026-01", "1200.00"));
    ok(await line("C-1", "COMMITTED", "2026-01", "1300.00", { version: c.version }));
    ok(await line("A-1-REV", "ACTUAL", "2026-01", "-100.00"));
    expect((await expectConsistent()).projects).toMatchObject([{ actualThrough: "2026-01-01", eac: "3400.00" }]);

    // a new approved version (copied from the current one, one month changed) becomes the budget
    const v2 = ok(await createBudgetVersion({ viewer: admin, slug: "sx", input: { kind: "REVISION", label: "Rev 1", copyCurrent: true } }));
    const v2Line = ok(
      await setBudgetLine({
        viewer: admin,
        slug: "sx",
        versionId: v2.id,
        input: { version: v2.version, category: "mining", period: "2026-03", amount: "99.90" },
      }),
    );
    await expectConsistent();
    ok(await approveBudgetVersion({ viewer: admin, slug: "sx", versionId: v2.id, input: { version: v2Line.version } }));
    expect((await expectConsistent()).projects).toMatchObject([{ approvedVersionId: v2.id, approved: "3600.00" }]);

    // a newer rate set: a line in its months converts with it, and the summary names both sets
    ok(
      await createRateSet({
        viewer: admin,
        input: {
          name: "Month-end 2026-06",
          effectiveFrom: "2026-06",
          rates: [
            { currency: "USD", toCny: "7.20", toUsd: "1" },
            { currency: "CNY", toCny: "1", toUsd: "0.1389" },
          ],
        },
      }),
    );
    ok(await line("A-6", "ACTUAL", "2026-06", "10.00"));
    const twoSets = await expectConsistent();
    expect(twoSets.projects[0]).toMatchObject({ actualThrough: "2026-06-01", eac: "810.00" });
    expect((twoSets.projects[0] as { rateSetIds: string }).rateSetIds.split(",")).toHaveLength(2);

    // upload: new lines in two projects, a changed amount, a budget row into a new draft, and the same sheet again
    ok(await createBudgetVersion({ viewer: manager, slug: "sx", input: { kind: "ANNUAL_PLAN", label: "Plan 2027" } }));
    const rows = [
      { row: 2, project: "sx", externalRef: "A-1", category: "mining", measure: "ACTUAL", period: "2026-01", amount: "905.00", currency: "USD" },
      { row: 3, project: "sx", externalRef: "U-7", category: "processing-plant", measure: "ACTUAL", period: "2026-07", amount: "70.07", currency: "USD" },
      { row: 4, project: "sx", externalRef: "B-1", category: "mining", measure: "BUDGET", period: "2027-01", amount: "5000.00", currency: "USD" },
      { row: 5, project: "sy", externalRef: "Y-1", category: "mining", measure: "FORECAST", period: "2026-08", amount: "8888.88", currency: "CNY" },
    ];
    ok(await applyCostUpload({ viewer: manager, input: { rows } }));
    ok(await applyCostUpload({ viewer: manager, input: { rows } }));
    const uploaded = await expectConsistent();
    expect(uploaded.projects).toMatchObject([{ eac: expect.any(String) }, { eac: expect.any(String) }]);

    // refused writes change nothing: an upload with a bad row, and a change to an approved version's line (trigger)
    const bad = await applyCostUpload({
      viewer: manager,
      input: { rows: [...rows.slice(0, 1).map((r) => ({ ...r, amount: "1.00" })), { ...rows[1], row: 9, category: "nope" }] },
    });
    expect(bad.ok).toBe(false);
    await expect(prisma.$executeRawUnsafe(`UPDATE "BudgetLine" SET amount = amount + 1 WHERE "budgetVersionId" = '${v1.id}'`)).rejects.toThrow(/approved/);
    expect(await summaries(prisma)).toEqual(uploaded);

    // removals (no app path deletes a cost line; an ERP correction might): the months and the EAC follow
    await prisma.$executeRawUnsafe(`DELETE FROM "CostLine" WHERE "externalRef" IN ('A-6', 'U-7')`);
    const sx = await prisma.project.findUniqueOrThrow({ where: { slug: "sx" }, select: { id: true } });
    expect((await expectConsistent()).projects.find((p) => (p as { projectId: string }).projectId === sx.id)).toMatchObject({ actualThrough: "2026-01-01" });

    // KPIs: form and upload
    ok(await setKpiActual({ viewer: manager, slug: "sx", input: { kpi: "recordable-injuries", period: "2026-01", value: "2" } }));
    ok(
      await applyKpiUpload({
        viewer: manager,
        input: {
          rows: [
            { row: 2, project: "sx", kpi: "recordable-injuries", period: "2026-02", value: "1" },
            { row: 3, project: "sx", kpi: "recordable-injuries", period: "2025-01", value: "5" },
            { row: 4, project: "sy", kpi: "hours-employees", period: "2026-02", value: "1000.5" },
          ],
        },
      }),
    );
    const kpis = await expectConsistent();
    expect(kpis.kpis).toHaveLength(2);
    expect(kpis.kpis).toContainEqual(expect.objectContaining({ latestPeriod: "2026-02-01", sum12: "3.0000" }));
    ok(await setKpiActual({ viewer: manager, slug: "sx", input: { kpi: "recordable-injuries", period: "2026-02", value: "4", version: 1 } }));
    await expectConsistent();

    // a project removed with its lines takes its summaries with it
    await prisma.$executeRawUnsafe(`DELETE FROM "Project" WHERE slug = 'sy'`);
    expect((await expectConsistent()).projects).toHaveLength(1);
  });
});
