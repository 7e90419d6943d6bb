import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { approveBudgetVersion, createBudgetVersion, createRateSet, setBudgetLine, setCostLine } from "../capex/capex-mutations";
import { loadPortfolio } from "../db/seed";
import { setKpiActual, setKpiTarget } from "../kpis/kpi-mutations";
import { ensureRiskAndGateReferenceData } from "../risks/ensure-reference-data";
import { assessRisk, createRisk } from "../risks/risk-mutations";
import { setProjectGateProcess } from "../gates/gate-mutations";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { getReport, getReportPack } from "./read-reports";
import { createReportDraft, publishReport, submitReport } from "./report-workflow";
import type { CapexData } from "./snapshot/capex";
import type { GatesData } from "./snapshot/gates";
import type { KpisData } from "./snapshot/kpis";
import type { RisksData } from "./snapshot/risks";

/**
 * Every part of the project that exists (capex, KPIs, top risks, gates) is in
 * the draft's pre-fill, in the frozen snapshot and in the typed figures; what
 * changed between two published reports names EAC moves, KPI misses, new and
 * escalated risks and gate decisions; and changing the live data after publish
 * leaves the published report (snapshot, figures, hash) as it was.
 */
describe.each(testBackends())("report sections on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let pmo: Viewer;
  let manager: Viewer;
  const slug = "sx";

  const ok = <T>(r: { ok: true; data: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };

  beforeAll(async () => {
    const prisma = database().prisma;
    await ensureRiskAndGateReferenceData(prisma);
    await loadPortfolio(prisma, { projects: [buildProject({ slug, nameEn: "Sections Mine", nameZh: "分节矿", countryCode: "PE" })] });
    admin = await createViewer(prisma, "admin", "Ada Admin");
    pmo = await createViewer(prisma, "pmo", "Pia PMO");
    manager = await createViewer(prisma, "manager", "Mei Manager");
    await assignManager(prisma, manager, slug);
    ok(
      await createRateSet({
        viewer: admin,
        input: {
          name: "Budget 2030",
          effectiveFrom: "2029-01",
          rates: [
            { currency: "USD", toCny: "7", toUsd: "1" },
            { currency: "CNY", toCny: "1", toUsd: "0.142857" },
          ],
        },
      }),
    );
  });

  async function publish(periodId: string) {
    const d = ok(await createReportDraft({ viewer: manager, slug, input: { periodId } }));
    ok(await submitReport({ viewer: manager, reportId: d.id, input: { version: 1 } }));
    ok(await publishReport({ viewer: pmo, reportId: d.id, input: { version: 2 } }));
    return d.id;
  }
  const figuresOf = async (reportId: string) =>
    Object.fromEntries(
      (await database().prisma.reportFigure.findMany({ where: { reportId }, orderBy: { key: "asc" } })).map((f) => [
        `${f.key}|${f.currency}`,
        f.value.toString(),
      ]),
    );

  it("freezes capex, KPIs, top risks and gates; the next report says what changed", async () => {
    const prisma = database().prisma;
    // capex: an approved budget of 1,000,000 USD, 300,000 spent, 800,000 still forecast → EAC 1,100,000
    const budget = ok(await createBudgetVersion({ viewer: manager, slug, input: { kind: "ORIGINAL", label: "FID" } }));
    const line = ok(
      await setBudgetLine({
        viewer: manager,
        slug,
        versionId: budget.id,
        input: { version: budget.version, category: "mining", period: "2030-01", amount: "1000000.00" },
      }),
    );
    ok(await approveBudgetVersion({ viewer: pmo, slug, versionId: budget.id, input: { version: line.version } }));
    ok(
      await setCostLine({
        viewer: manager,
        slug,
        input: { externalRef: "A-1", category: "mining", measure: "ACTUAL", period: "2030-01", amount: "300000.00", currency: "USD" },
      }),
    );
    ok(
      await setCostLine({
        viewer: manager,
        slug,
        input: { externalRef: "F-1", category: "mining", measure: "FORECAST", period: "2030-06", amount: "800000.00", currency: "USD" },
      }),
    );
    // KPIs of January: ore milled under its target (a miss), recordable injuries at its target (met)
    ok(await setKpiActual({ viewer: manager, slug, input: { kpi: "ore-milled", period: "2030-01", value: "70000" } }));
    ok(await setKpiTarget({ viewer: manager, slug, input: { kpi: "ore-milled", series: "BUDGET", period: "2030-01", value: "80000" } }));
    ok(await setKpiActual({ viewer: manager, slug, input: { kpi: "recordable-injuries", period: "2030-01", value: "1" } }));
    // risks: one medium, one closed (not listed)
    const seep = ok(await createRisk({ viewer: manager, slug, input: { titleEn: "Tailings seepage", titleZh: "尾矿渗漏", category: "ENVIRONMENTAL" } }));
    ok(await assessRisk({ viewer: manager, slug, riskId: seep.id, input: { kind: "RESIDUAL", probability: 2, impacts: { cost: 3 } } }));
    // gates: the mining process, the pre-feasibility gate passed
    ok(await setProjectGateProcess({ viewer: pmo, slug, input: { processKey: "mining" } }));
    const project = await prisma.project.findUniqueOrThrow({ where: { slug } });
    const gate = (key: string) => prisma.gateDefinition.findFirstOrThrow({ where: { key, process: { key: "mining" } } });
    await prisma.gateReview.create({
      data: {
        projectId: project.id,
        gateId: (await gate("pre-feasibility")).id,
        decision: "GO",
        decidedAt: new Date("2030-01-20T00:00:00Z"),
        decidedByName: "Pia PMO",
        heldOn: new Date("2030-01-20"),
      },
    });

    // The draft is pre-filled with every part.
    const draft = ok(await createReportDraft({ viewer: manager, slug, input: { periodId: "2030-01" } }));
    const pre = (await getReport({ viewer: manager, reportId: draft.id }))!;
    expect(Object.keys(pre.snapshot).sort()).toEqual(["capex", "gates", "kpis", "milestones", "overview", "risks"]);
    ok(await submitReport({ viewer: manager, reportId: draft.id, input: { version: 1 } }));
    ok(await publishReport({ viewer: pmo, reportId: draft.id, input: { version: 2 } }));
    const first = (await getReport({ viewer: null, reportId: draft.id }))!;

    expect(first.snapshot.capex as CapexData).toEqual({
      hasData: true,
      currency: "USD",
      approved: "1000000.00",
      committed: "0.00",
      actual: "300000.00",
      actualThrough: "2030-01",
      eac: "1100000.00",
      variance: "100000.00",
      variancePercent: "10.00",
    });
    const kpis = first.snapshot.kpis as KpisData;
    expect(kpis.periodId).toBe("2030-01");
    expect(kpis.kpis.map((k) => [k.key, k.actual, k.target, k.met])).toEqual(
      expect.arrayContaining([
        ["ore-milled", "70000", "80000", false],
        ["recordable-injuries", "1", null, null],
      ]),
    );
    const risks = first.snapshot.risks as RisksData;
    expect(risks).toMatchObject({ open: 1, high: 0, top: [{ code: seep.code, titleEn: "Tailings seepage", titleZh: "尾矿渗漏", score: 6, band: "medium" }] });
    expect(first.snapshot.gates as GatesData).toMatchObject({
      process: { key: "mining" },
      lastDecision: { gateKey: "pre-feasibility", decision: "GO", decidedOn: "2030-01-20" },
      openConditions: 0,
    });
    // a KPI miss is a headline even in the first report
    expect(first.changes).toEqual([
      expect.objectContaining({
        kind: "kpiMissed",
        severity: "bad",
        params: expect.objectContaining({ name: expect.any(String), actual: "70000", target: "80000" }),
      }),
    ]);

    // The typed figures, for the pack.
    const figures = await figuresOf(draft.id);
    expect(figures).toMatchObject({
      "capex.approved|USD": "1000000",
      "capex.actual|USD": "300000",
      "capex.eac|USD": "1100000",
      "capex.variance|USD": "100000",
      "kpi.ore-milled|": "70000",
      "kpis.missed|": "1",
      "kpis.withTarget|": "1",
      "risks.open|": "1",
      "risks.high|": "0",
      "gates.openConditions|": "0",
    });
    const pack = await getReportPack({ viewer: null, periodId: "2030-01" });
    expect(pack.figures.find((f) => f.key === "capex.eac")).toEqual({ key: "capex.eac", currency: "USD", sum: "1100000" });

    // The live data moves on: more forecast cost, a new high risk, the old one escalated, the next gate decided, February's KPI missed.
    ok(
      await setCostLine({
        viewer: manager,
        slug,
        input: { externalRef: "F-2", category: "mining", measure: "FORECAST", period: "2030-07", amount: "150000.00", currency: "USD" },
      }),
    );
    const flood = ok(await createRisk({ viewer: manager, slug, input: { titleEn: "Pit flooding", titleZh: "采坑淹没", category: "TECHNICAL" } }));
    ok(await assessRisk({ viewer: manager, slug, riskId: flood.id, input: { kind: "RESIDUAL", probability: 4, impacts: { schedule: 5 } } }));
    ok(await assessRisk({ viewer: manager, slug, riskId: seep.id, input: { kind: "RESIDUAL", probability: 3, impacts: { cost: 5 } } }));
    await prisma.gateReview.create({
      data: {
        projectId: project.id,
        gateId: (await gate("feasibility")).id,
        decision: "HOLD",
        decidedAt: new Date("2030-02-15T00:00:00Z"),
        decidedByName: "Pia PMO",
      },
    });
    ok(await setKpiActual({ viewer: manager, slug, input: { kpi: "ore-milled", period: "2030-02", value: "60000" } }));
    ok(await setKpiTarget({ viewer: manager, slug, input: { kpi: "ore-milled", series: "BUDGET", period: "2030-02", value: "85000" } }));
    ok(await setKpiActual({ viewer: manager, slug, input: { kpi: "ore-milled", period: "2030-01", value: "99999", version: 1 } }));

    // The published January report is exactly as it was.
    const again = (await getReport({ viewer: null, reportId: draft.id }))!;
    expect(again.snapshot).toEqual(first.snapshot);
    expect(again.changes).toEqual(first.changes);
    expect(again.contentHash).toBe(first.contentHash);
    expect(await figuresOf(draft.id)).toEqual(figures);

    const second = (await getReport({ viewer: null, reportId: await publish("2030-02") }))!;
    const byKind = (kind: string) => second.changes.filter((c) => c.kind === kind);
    expect(byKind("eacIncreased")).toEqual([
      {
        section: "capex",
        kind: "eacIncreased",
        severity: "bad",
        params: { from: "1100000.00", to: "1250000.00", currency: "USD", delta: "150000.00", percent: "13.6" },
      },
    ]);
    expect(byKind("riskNew")).toMatchObject([
      { severity: "bad", params: { code: flood.code, name: "Pit flooding", nameZh: "采坑淹没", score: 20, band: "high" } },
    ]);
    expect(byKind("riskEscalated")).toMatchObject([{ severity: "bad", params: { code: seep.code, from: 6, to: 15 } }]);
    expect(byKind("gateDecided")).toMatchObject([{ severity: "warning", params: { decision: "HOLD", on: "2030-02-15" } }]);
    expect(byKind("kpiMissed")).toMatchObject([{ params: { actual: "60000", target: "85000" } }]);
    expect((second.snapshot.risks as RisksData).top.map((r) => r.code)).toEqual([flood.code, seep.code]);

    // Nothing moves: no capex, risk or gate headline (the month's KPI has no actual yet: no miss either).
    const third = (await getReport({ viewer: null, reportId: await publish("2030-03") }))!;
    expect(third.changes.filter((c) => ["capex", "risks", "gates", "kpis"].includes(c.section))).toEqual([]);
    // EAC down is good news
    ok(
      await setCostLine({
        viewer: manager,
        slug,
        input: { externalRef: "F-2", category: "mining", measure: "FORECAST", period: "2030-07", amount: "50000.00", currency: "USD", version: 1 },
      }),
    );
    const fourth = (await getReport({ viewer: null, reportId: await publish("2030-04") }))!;
    expect(fourth.changes.filter((c) => c.section === "capex")).toMatchObject([{ kind: "eacDecreased", severity: "good", params: { delta: "100000.00" } }]);
  });

  it("a project without capex, KPIs, risks or a gate process still reports: empty parts, no headlines from them", async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "sy", nameEn: "Bare Project" })] });
    await assignManager(prisma, manager, "sy");
    const d = ok(await createReportDraft({ viewer: manager, slug: "sy", input: { periodId: "2030-01" } }));
    ok(await submitReport({ viewer: manager, reportId: d.id, input: { version: 1 } }));
    ok(await publishReport({ viewer: pmo, reportId: d.id, input: { version: 2 } }));
    const r = (await getReport({ viewer: null, reportId: d.id }))!;
    expect(r.snapshot).toMatchObject({
      capex: { hasData: false, eac: null },
      kpis: { kpis: [] },
      risks: { top: [], open: 0 },
      gates: { process: null, lastDecision: null },
    });
    expect(r.changes).toEqual([]);
    const figures = await figuresOf(d.id);
    expect(Object.keys(figures).filter((k) => k.startsWith("capex."))).toEqual([]);
    expect(figures["risks.open|"]).toBe("0");
  });
});
