import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { approveBudgetVersion, createBudgetVersion, createRateSet, setBudgetLine, setCostLine, setProjectCurrency } from "./capex-mutations";
import { getProjectCapex } from "./get-project-capex";
import { dec } from "./money";

describe.each(testBackends())("capex mutations on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let pmo: Viewer;
  let manager: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({ slug: "cx", countryCode: "PE" }),
        buildProject({ slug: "cn", countryCode: "CN" }),
        buildProject({ slug: "mcc-abroad", countryCode: "PK", orgUnit: "MCC" }),
        buildProject({ slug: "mmg-home", countryCode: "CN", orgUnit: "MMG" }),
      ],
    });
    admin = await createViewer(prisma, "admin", "Ada Admin");
    pmo = await createViewer(prisma, "pmo", "Pia PMO");
    manager = await createViewer(prisma, "manager", "Mei Manager");
    await assignManager(prisma, manager, "cx");
    await assignManager(prisma, manager, "cn");
    const r = await createRateSet({
      viewer: admin,
      input: {
        name: "Budget 2026",
        effectiveFrom: "2025-01",
        rates: [
          { currency: "USD", toCny: "7.10", toUsd: "1" },
          { currency: "CNY", toCny: "1", toUsd: "0.1408" },
        ],
      },
    });
    expect(r.ok).toBe(true);
  });

  it("defaults the currency of a project the group owns directly by location: USD abroad, CNY at home", async () => {
    const rows = await database().prisma.project.findMany({
      where: { slug: { in: ["cx", "cn"] } },
      select: { slug: true, currency: true },
      orderBy: { slug: "asc" },
    });
    expect(rows).toEqual([
      { slug: "cn", currency: "CNY" },
      { slug: "cx", currency: "USD" },
    ]);
  });

  it("defaults the currency from the project's subsidiary where one owns it: MCC reports in CNY, MMG in USD", async () => {
    const rows = await database().prisma.project.findMany({
      where: { slug: { in: ["mcc-abroad", "mmg-home"] } },
      select: { slug: true, currency: true },
      orderBy: { slug: "asc" },
    });
    expect(rows).toEqual([
      { slug: "mcc-abroad", currency: "CNY" },
      { slug: "mmg-home", currency: "USD" },
    ]);
  });

  it("a draft budget is edited, approved by PMO, and then is final in the app and in the database", async () => {
    const prisma = database().prisma;
    const v = await createBudgetVersion({ viewer: manager, slug: "cx", input: { kind: "ORIGINAL", label: "FID 2025" } });
    if (!v.ok) throw new Error(JSON.stringify(v.error));
    let version = v.data.version;
    for (const [category, period, amount] of [
      ["mining", "2026-01", "1000.00"],
      ["processing-plant", "2026-02", "2500.50"],
      ["contingency", "2026-03", "499.50"],
    ] as const) {
      const r = await setBudgetLine({ viewer: manager, slug: "cx", versionId: v.data.id, input: { version, category, period, amount } });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      version = r.data.version;
    }
    // a stale version is a conflict and writes nothing
    const stale = await setBudgetLine({
      viewer: manager,
      slug: "cx",
      versionId: v.data.id,
      input: { version: 1, category: "mining", period: "2026-04", amount: "1.00" },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // a manager cannot approve
    expect(await approveBudgetVersion({ viewer: manager, slug: "cx", versionId: v.data.id, input: { version } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const approved = await approveBudgetVersion({ viewer: pmo, slug: "cx", versionId: v.data.id, input: { version } });
    expect(approved.ok).toBe(true);

    // the app refuses
    const edit = await setBudgetLine({
      viewer: admin,
      slug: "cx",
      versionId: v.data.id,
      input: { version: version + 1, category: "mining", period: "2026-01", amount: "1.00" },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await approveBudgetVersion({ viewer: admin, slug: "cx", versionId: v.data.id, input: { version: version + 1 } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    // and so does the database, whoever asks
    await expect(prisma.$executeRawUnsafe(`UPDATE "BudgetVersion" SET label = 'tampered' WHERE id = '${v.data.id}'`)).rejects.toThrow(/approved/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "BudgetVersion" WHERE id = '${v.data.id}'`)).rejects.toThrow(/approved/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "BudgetLine" SET amount = 1 WHERE "budgetVersionId" = '${v.data.id}'`)).rejects.toThrow(/approved/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "BudgetLine" WHERE "budgetVersionId" = '${v.data.id}'`)).rejects.toThrow(/approved/);
    const line = await prisma.budgetLine.findFirstOrThrow({ where: { budgetVersionId: v.data.id } });
    await expect(
      prisma.budgetLine.create({
        data: {
          budgetVersionId: v.data.id,
          categoryId: line.categoryId,
          period: new Date("2027-01-01"),
          amount: 1,
          currency: "USD",
          amountCny: 7.1,
          amountUsd: 1,
          rateSetId: line.rateSetId,
        },
      }),
    ).rejects.toThrow(/approved/);
    const after = await prisma.budgetVersion.findUniqueOrThrow({ where: { id: v.data.id }, include: { lines: true } });
    expect(after).toMatchObject({ state: "APPROVED", label: "FID 2025", approvedByName: "Pia PMO" });
    expect(after.lines.map((l) => l.amount.toFixed(2)).sort()).toEqual(["1000.00", "2500.50", "499.50"]);

    // a revision starts from the approved lines
    const rev = await createBudgetVersion({ viewer: manager, slug: "cx", input: { kind: "REVISION", label: "Rev 1", copyCurrent: true } });
    expect(rev.ok).toBe(true);
    if (rev.ok) expect(await prisma.budgetLine.count({ where: { budgetVersionId: rev.data.id } })).toBe(3);
    const audit = await prisma.auditEntry.findMany({ where: { entityId: v.data.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "capex.budget.create",
      "capex.budget.line.set",
      "capex.budget.line.set",
      "capex.budget.line.set",
      "capex.budget.approve",
    ]);
  });

  it("cost lines: keyed by external reference, versioned, in the project currency, converted with the set", async () => {
    const prisma = database().prisma;
    const base = { category: "mining", measure: "ACTUAL", period: "2026-01", amount: "900.00", currency: "USD" } as const;
    const a = await setCostLine({ viewer: manager, slug: "cx", input: { ...base, externalRef: "ERP-1" } });
    expect(a).toMatchObject({ ok: true, data: { created: true, version: 1 } });
    const row = await prisma.costLine.findFirstOrThrow({ where: { externalRef: "ERP-1" }, include: { rateSet: true } });
    expect([row.amountCny.toFixed(2), row.amountUsd.toFixed(2), row.rateSet.name]).toEqual(["6390.00", "900.00", "Budget 2026"]);
    // an existing reference needs its version; a stale one is a conflict
    // the form is told what is stored and its version, so its user replaces it knowingly
    expect(await setCostLine({ viewer: manager, slug: "cx", input: { ...base, externalRef: "ERP-1", amount: "950.00" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", details: { existing: { version: 1, amount: "900.00", measure: "ACTUAL", period: "2026-01" } } },
    });
    expect(await setCostLine({ viewer: manager, slug: "cx", input: { ...base, externalRef: "ERP-1", amount: "950.00", version: 1 } })).toMatchObject({
      ok: true,
      data: { version: 2, created: false },
    });
    expect(await setCostLine({ viewer: manager, slug: "cx", input: { ...base, externalRef: "ERP-1", amount: "960.00", version: 1 } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    // wrong currency, unknown category, bad numbers, a month with no rate set: clear errors, nothing written
    const before = await prisma.costLine.count();
    for (const input of [
      { ...base, externalRef: "X1", currency: "CNY" },
      { ...base, externalRef: "X2", category: "nope" },
      { ...base, externalRef: "X3", amount: "12,5" },
      { ...base, externalRef: "X4", amount: "1.005" },
      { ...base, externalRef: "X5", period: "2026-13" },
      { ...base, externalRef: "X6", period: "2024-12" },
      { ...base, externalRef: "X7", measure: "BUDGET" },
      { ...base, externalRef: "" },
    ]) {
      const r = await setCostLine({ viewer: manager, slug: "cx", input });
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code, JSON.stringify(input)).toBe("BAD_REQUEST");
    }
    expect(await prisma.costLine.count()).toBe(before);
  });

  it("the currency is fixed once a budget or cost exists (app and trigger)", async () => {
    const prisma = database().prisma;
    const p = await prisma.project.findUniqueOrThrow({ where: { slug: "cx" } });
    expect(await setProjectCurrency({ viewer: manager, slug: "cx", input: { currency: "EUR", version: p.version } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    await expect(prisma.$executeRawUnsafe(`UPDATE "Project" SET currency = 'EUR' WHERE slug = 'cx'`)).rejects.toThrow(/fixed/);
    // a project without costs can change it, and the change is in its history
    const cn = await prisma.project.findUniqueOrThrow({ where: { slug: "cn" } });
    expect(await setProjectCurrency({ viewer: manager, slug: "cn", input: { currency: "USD", version: cn.version } })).toMatchObject({ ok: true });
    expect(await prisma.fieldChange.findFirst({ where: { field: "currency", update: { projectId: cn.id } } })).toMatchObject({ before: "CNY", after: "USD" });
  });

  it("the card's figures equal the sum of their parts in each currency", async () => {
    const prisma = database().prisma;
    let v = 0;
    for (const [ref, measure, period, amount] of [
      ["ERP-2", "ACTUAL", "2026-02", "1234.56"],
      ["ERP-3", "COMMITTED", "2026-02", "5000.00"],
      ["ERP-4", "FORECAST", "2026-03", "700.01"],
      ["ERP-5", "FORECAST", "2026-01", "99999.00"],
    ] as const) {
      const r = await setCostLine({
        viewer: manager,
        slug: "cx",
        input: { externalRef: ref, category: "processing-plant", measure, period, amount, currency: "USD" },
      });
      expect(r.ok).toBe(true);
      v += 1;
    }
    expect(v).toBe(4);
    const capex = (await getProjectCapex({ slug: "cx", viewer: null }))!;
    const lines = await prisma.costLine.findMany({ where: { project: { slug: "cx" } } });
    for (const [key, column] of [
      ["project", "amount"],
      ["CNY", "amountCny"],
      ["USD", "amountUsd"],
    ] as const) {
      const total = (measure: string, filter: (p: string) => boolean = () => true) =>
        lines
          .filter((l) => l.measure === measure && filter(l.period.toISOString().slice(0, 7)))
          .reduce((s, l) => s.plus(dec(l[column])), dec(0))
          .toFixed(2);
      const f = capex.figures[key];
      expect(f.actual).toBe(total("ACTUAL"));
      expect(f.committed).toBe(total("COMMITTED"));
      // EAC: actual to date (through 2026-02) + forecast after it (the January forecast is superseded)
      expect(f.eac).toBe(
        dec(total("ACTUAL"))
          .plus(total("FORECAST", (p) => p > "2026-02"))
          .toFixed(2),
      );
    }
    expect(capex.figures.project.actual).toBe("2184.56");
    expect(capex.figures.project.eac).toBe("2884.57");
    expect(capex.figures.project.approved).toBe("4000.00");
    expect(capex.figures.project.variancePercent).toBe("-27.89");
    expect(capex.rateSets).toEqual(["Budget 2026"]);
    expect(capex.versions.map((x) => [x.label, x.state, x.current, x.approvedByName])).toEqual([
      ["Rev 1", "DRAFT", false, null],
      ["FID 2025", "APPROVED", true, "Pia PMO"],
    ]);
  });
});
