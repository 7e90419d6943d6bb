import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { createBudgetVersion, createRateSet } from "./capex-mutations";
import { applyCostUpload, dryRunCostUpload } from "./cost-upload";

const row = (n: number, over: Record<string, string> = {}) => ({
  row: n,
  project: "up",
  externalRef: `ERP-${n}`,
  category: "mining",
  measure: "ACTUAL",
  period: "2026-01",
  amount: "100.00",
  currency: "USD",
  ...over,
});

describe.each(testBackends())("cost upload on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "up", countryCode: "PE" }), buildProject({ slug: "other", countryCode: "PE" })] });
    manager = await createViewer(prisma, "manager");
    await assignManager(prisma, manager, "up");
    const admin = await createViewer(prisma, "admin");
    expect(
      (await createRateSet({ viewer: admin, input: { name: "Budget 2026", effectiveFrom: "2026-01", rates: [{ currency: "USD", toCny: "7.2", toUsd: "1" }] } }))
        .ok,
    ).toBe(true);
  });

  it("the dry run lists every row's database errors and writes nothing; applying with errors writes nothing", async () => {
    const prisma = database().prisma;
    const rows = [
      row(2),
      row(3, { project: "nowhere" }),
      row(4, { project: "other" }),
      row(5, { category: "tunnelling" }),
      row(6, { currency: "CNY" }),
      row(7, { period: "2025-12" }),
      row(8, { measure: "BUDGET" }),
      row(9, { externalRef: "ERP-2" }),
    ];
    const dry = await dryRunCostUpload({ viewer: manager, input: { rows } });
    if (!dry.ok) throw new Error(JSON.stringify(dry.error));
    expect(dry.data.rows.map((r) => [r.row, r.errors.map((e) => e.code), r.action])).toEqual([
      [2, ["duplicateReference"], null],
      [3, ["unknownProject"], null],
      [4, ["notYourProject"], null],
      [5, ["unknownCategory"], null],
      [6, ["currencyMismatch"], null],
      [7, ["noRateSet"], null],
      [8, ["noDraftBudget"], null],
      [9, ["duplicateReference"], null],
    ]);
    const applied = await applyCostUpload({ viewer: manager, input: { rows } });
    expect(applied).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", details: { errorRows: 8 } } });
    expect(await prisma.costLine.count()).toBe(0);
    expect(await prisma.auditEntry.count({ where: { action: "capex.upload.apply" } })).toBe(0);
  });

  it("applies in one go, and the same sheet twice changes nothing; a corrected amount updates its line", async () => {
    const prisma = database().prisma;
    expect((await createBudgetVersion({ viewer: manager, slug: "up", input: { kind: "ORIGINAL", label: "FID" } })).ok).toBe(true);
    const rows = [
      row(2),
      row(3, { measure: "COMMITTED", amount: "500" }),
      row(4, { measure: "FORECAST", period: "2026-02", amount: "250.25" }),
      row(5, { measure: "BUDGET", amount: "1000" }),
    ];
    const first = await applyCostUpload({ viewer: manager, input: { rows } });
    expect(first).toMatchObject({ ok: true, data: { errorRows: 0, counts: { create: 4, update: 0, unchanged: 0 } } });
    const snapshot = async () => JSON.stringify(await prisma.costLine.findMany({ orderBy: { externalRef: "asc" } }));
    const before = await snapshot();
    const second = await applyCostUpload({ viewer: manager, input: { rows } });
    expect(second).toMatchObject({ ok: true, data: { counts: { create: 0, update: 0, unchanged: 4 } } });
    expect(await snapshot()).toBe(before);
    expect(await prisma.budgetLine.count()).toBe(1);
    expect(await prisma.auditEntry.count({ where: { action: "capex.upload.apply" } })).toBe(1);

    const third = await applyCostUpload({ viewer: manager, input: { rows: [row(2, { amount: "120.00" })] } });
    expect(third).toMatchObject({ ok: true, data: { counts: { update: 1 } } });
    const line = await prisma.costLine.findFirstOrThrow({ where: { externalRef: "ERP-2" } });
    expect([line.amount.toFixed(2), line.amountCny.toFixed(2), line.version]).toEqual(["120.00", "864.00", 2]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "capex.upload.apply" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ created: 0, updated: 1, changes: [{ ref: "ERP-2", before: "100.00", after: "120.00" }] });
  });

  it("a sheet across projects writes one audit entry per project with its actor, and updates a draft budget line in place", async () => {
    const prisma = database().prisma;
    const admin = await createViewer(prisma, "admin", "Sheet Admin");
    expect((await createBudgetVersion({ viewer: admin, slug: "other", input: { kind: "ORIGINAL", label: "FID" } })).ok).toBe(true);
    const rows = [
      row(2, { project: "other", externalRef: "O-1" }),
      row(3, { project: "other", externalRef: "O-2", measure: "BUDGET", amount: "900" }),
      row(4, { project: "up", externalRef: "U-9", measure: "FORECAST", period: "2026-03", amount: "75.5" }),
      row(5, { measure: "BUDGET", amount: "1100" }), // ERP-5 of the previous test: its draft budget line is corrected
    ];
    const applied = await applyCostUpload({ viewer: admin, input: { rows } });
    expect(applied).toMatchObject({ ok: true, data: { counts: { create: 3, update: 1, unchanged: 0 } } });
    const budget = await prisma.budgetLine.findFirstOrThrow({ where: { externalRef: "ERP-5" } });
    expect([budget.amount.toFixed(2), budget.amountCny.toFixed(2)]).toEqual(["1100.00", "7920.00"]);
    const forecast = await prisma.costLine.findFirstOrThrow({ where: { externalRef: "U-9" } });
    expect([forecast.measure, forecast.period.toISOString().slice(0, 10), forecast.amount.toFixed(2), forecast.version]).toEqual([
      "FORECAST",
      "2026-03-01",
      "75.50",
      1,
    ]);
    const audits = await prisma.auditEntry.findMany({ where: { action: "capex.upload.apply", actorId: admin.id }, orderBy: { entityId: "asc" } });
    const ids = await prisma.project.findMany({ where: { slug: { in: ["up", "other"] } }, select: { id: true, slug: true } });
    expect(
      audits
        .map((a) => [
          ids.find((p) => p.id === a.entityId)?.slug,
          a.actorName,
          (a.after as { created: number }).created,
          (a.after as { updated: number }).updated,
        ])
        .sort(),
    ).toEqual([
      ["other", "Sheet Admin", 2, 0],
      ["up", "Sheet Admin", 1, 1],
    ]);
  });
});
