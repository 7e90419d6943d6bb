import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { createKpiDefinition, setDesignCapacity, setKpiActual, setKpiTarget } from "../kpis/kpi-mutations";
import type { MutationResult } from "../server/mutation";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import {
  approveBudgetVersion,
  createBudgetVersion,
  createCostCategory,
  createRateSet,
  setBudgetLine,
  setCostLine,
  setProjectCurrency,
} from "./capex-mutations";
import { applyCostUpload } from "./cost-upload";

/**
 * Every capex and KPI mutation × every kind of caller, written out by hand
 * (not derived from permissions.ts, so a wrong table fails). Same callers as
 * lib/auth/permission-matrix.db.test.ts.
 */
type Caller = "anonymous" | "admin" | "pmo" | "assignedManager" | "otherManager" | "executive" | "staff" | "unknownRole" | "noRole";
const CALLERS: Caller[] = ["anonymous", "admin", "pmo", "assignedManager", "otherManager", "executive", "staff", "unknownRole", "noRole"];
const A = "allowed";
const F = "FORBIDDEN";
const edit: Record<Caller, string> = {
  anonymous: "UNAUTHENTICATED",
  admin: A,
  pmo: A,
  assignedManager: A,
  otherManager: F,
  executive: F,
  staff: F,
  unknownRole: F,
  noRole: F,
};
const approve: Record<Caller, string> = { ...edit, assignedManager: F };
const reference: Record<Caller, string> = { ...approve, pmo: F };

type Mutation =
  | "createBudgetVersion"
  | "setBudgetLine"
  | "approveBudgetVersion"
  | "setCostLine"
  | "setProjectCurrency"
  | "uploadCostLines"
  | "createRateSet"
  | "createCostCategory"
  | "setKpiActual"
  | "setKpiTarget"
  | "setDesignCapacity"
  | "createKpiDefinition";
const EXPECTED: Record<Mutation, Record<Caller, string>> = {
  createBudgetVersion: edit,
  setBudgetLine: edit,
  approveBudgetVersion: approve,
  setCostLine: edit,
  setProjectCurrency: edit,
  // another manager's project in a sheet is a row error ("notYourProject"): the sheet is refused, nothing written
  uploadCostLines: { ...edit, otherManager: "BAD_REQUEST" },
  createRateSet: reference,
  createCostCategory: reference,
  setKpiActual: edit,
  setKpiTarget: edit,
  setDesignCapacity: edit,
  createKpiDefinition: reference,
};

describe.each(testBackends())("capex and KPI permission matrix on %s", (backend) => {
  const database = withTestDatabase(backend);
  const viewers = {} as Record<Caller, Viewer | null>;
  let n = 0;

  beforeAll(async () => {
    const prisma = database().prisma;
    viewers.anonymous = null;
    for (const [caller, role] of [
      ["admin", "admin"],
      ["pmo", "pmo"],
      ["assignedManager", "manager"],
      ["otherManager", "manager"],
      ["executive", "executive"],
      ["staff", "staff"],
      ["unknownRole", "superuser"],
      ["noRole", null],
    ] as const)
      viewers[caller] = await createViewer(prisma, role);
    await prisma.exchangeRateSet.create({
      data: { name: "Matrix", effectiveFrom: new Date("2020-01-01"), rates: { create: [{ currency: "USD", toCny: 7, toUsd: 1 }] } },
    });
  });

  // A fresh project per case with one draft budget version with one line.
  async function fresh(): Promise<{ slug: string; versionId: string; version: number }> {
    const prisma = database().prisma;
    const slug = `cxm-${++n}`;
    await loadPortfolio(prisma, { projects: [buildProject({ slug, countryCode: "PE" })] });
    await assignManager(prisma, viewers.assignedManager!, slug);
    const v = await createBudgetVersion({ viewer: viewers.admin, slug, input: { kind: "ORIGINAL", label: "FID" } });
    if (!v.ok) throw new Error("setup");
    const l = await setBudgetLine({
      viewer: viewers.admin,
      slug,
      versionId: v.data.id,
      input: { version: 1, category: "mining", period: "2026-01", amount: "10.00" },
    });
    if (!l.ok) throw new Error("setup");
    return { slug, versionId: v.data.id, version: l.data.version };
  }

  const RUN: Record<Mutation, (viewer: Viewer | null, p: { slug: string; versionId: string; version: number }) => Promise<MutationResult<unknown>>> = {
    createBudgetVersion: (viewer, p) => createBudgetVersion({ viewer, slug: p.slug, input: { kind: "REVISION", label: "Rev" } }),
    setBudgetLine: (viewer, p) =>
      setBudgetLine({ viewer, slug: p.slug, versionId: p.versionId, input: { version: p.version, category: "mining", period: "2026-02", amount: "5.00" } }),
    approveBudgetVersion: (viewer, p) => approveBudgetVersion({ viewer, slug: p.slug, versionId: p.versionId, input: { version: p.version } }),
    setCostLine: (viewer, p) =>
      setCostLine({
        viewer,
        slug: p.slug,
        input: { externalRef: "E1", category: "mining", measure: "ACTUAL", period: "2026-01", amount: "1.00", currency: "USD" },
      }),
    // a project with a budget cannot change currency: use a new project without one
    setProjectCurrency: async (viewer) => {
      const slug = `cxm-cur-${++n}`;
      await loadPortfolio(database().prisma, { projects: [buildProject({ slug, countryCode: "PE" })] });
      await assignManager(database().prisma, viewers.assignedManager!, slug);
      return setProjectCurrency({ viewer, slug, input: { currency: "EUR", version: 1 } });
    },
    uploadCostLines: async (viewer, p) => {
      const r = await applyCostUpload({
        viewer,
        input: {
          rows: [{ row: 2, project: p.slug, externalRef: "U1", category: "mining", measure: "ACTUAL", period: "2026-01", amount: "2.00", currency: "USD" }],
        },
      });
      return r;
    },
    createRateSet: (viewer) =>
      createRateSet({ viewer, input: { name: `Set ${++n}`, effectiveFrom: "2026-01", rates: [{ currency: "USD", toCny: "7", toUsd: "1" }] } }),
    createCostCategory: (viewer) => createCostCategory({ viewer, input: { key: `cat-${++n}`, nameEn: "Cat", nameZh: "类" } }),
    setKpiActual: (viewer, p) => setKpiActual({ viewer, slug: p.slug, input: { kpi: "ore-milled", period: "2026-01", value: "1" } }),
    setKpiTarget: (viewer, p) => setKpiTarget({ viewer, slug: p.slug, input: { kpi: "ore-milled", series: "RAMP_UP", period: "2026-01", value: "1" } }),
    setDesignCapacity: (viewer, p) => setDesignCapacity({ viewer, slug: p.slug, input: { kpi: "ore-milled", monthlyValue: "100" } }),
    createKpiDefinition: (viewer) =>
      createKpiDefinition({
        viewer,
        input: { key: `kpi-${++n}`, nameEn: "K", nameZh: "K", unit: "t", category: "PRODUCTION", direction: "HIGHER_BETTER", aggregation: "SUM" },
      }),
  };

  const cases = (Object.keys(EXPECTED) as Mutation[]).flatMap((m) => CALLERS.map((c) => [m, c] as const));

  it.each(cases)("%s by %s", async (mutation, caller) => {
    const prisma = database().prisma;
    const p = await fresh();
    const auditBefore = await prisma.auditEntry.count();
    const historyBefore = await prisma.statusUpdate.count();
    const r = await RUN[mutation](viewers[caller], p);
    const expected = EXPECTED[mutation][caller];
    expect(r.ok ? A : r.error.code).toBe(expected);
    // an allowed change leaves a record (audit entry, or project history for the currency); a denied one none
    const written = (await prisma.auditEntry.count()) - auditBefore + (await prisma.statusUpdate.count()) - historyBefore;
    if (expected === A) expect(written).toBeGreaterThanOrEqual(1);
    else expect(written).toBe(0);
  });

  it("a manager cannot reach another project's budget version through their own project", async () => {
    const a = await fresh();
    const b = await fresh();
    const r = await setBudgetLine({
      viewer: viewers.admin,
      slug: a.slug,
      versionId: b.versionId,
      input: { version: b.version, category: "mining", period: "2026-03", amount: "1.00" },
    });
    expect(r).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
