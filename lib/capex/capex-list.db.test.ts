import { beforeAll, describe, expect, it } from "vitest";
import messages from "../../messages/en.json";
import { loadPortfolio } from "../db/seed";
import { exportProjectsCsv } from "../exports/export-projects";
import { localizedExportLabels } from "../exports/localized-labels";
import { parseListParamsLenient, parseListParamsStrict, type ProjectListParams } from "../projects/list-params";
import { listProjects } from "../projects/list-projects";
import { WHOLE_PORTFOLIO, type ReadScope } from "../projects/project-scope";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { createViewer } from "../test/viewers";
import { approveBudgetVersion, createBudgetVersion, createRateSet, setBudgetLine, setCostLine } from "./capex-mutations";

/**
 * The projects table's capex columns (budget, EAC, variance %), its filter
 * "over budget by more than N%" and the exports' capex columns, on the data
 * the capex write path stores (issue 13).
 */
const params = (query: string): ProjectListParams => parseListParamsLenient(new URLSearchParams(query)).params;
const list = (query: string, scope: ReadScope = WHOLE_PORTFOLIO) => listProjects(params(query), { scope });
const slugs = async (query: string, scope?: ReadScope) => (await list(query, scope)).rows.map((r) => r.slug);

describe.each(testBackends())("capex columns and the over-budget filter on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({ slug: "overrun", nameEn: "Overrun Mine", countryCode: "PE", orgUnit: "MMG" }),
        buildProject({ slug: "slight", nameEn: "Slight Overrun", countryCode: "CN", orgUnit: "MCC" }),
        buildProject({ slug: "under", nameEn: "Under Budget", countryCode: "CL", orgUnit: "MMG" }),
        buildProject({ slug: "no-money", nameEn: "No Money Yet", countryCode: "PE" }),
      ],
    });
    const admin = await createViewer(prisma, "admin");
    const pmo = await createViewer(prisma, "pmo");
    const ok = <T extends { ok: boolean }>(r: T) => {
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r as Extract<T, { ok: true }>;
    };
    ok(
      await createRateSet({
        viewer: admin,
        input: {
          name: "Budget 2026",
          effectiveFrom: "2026-01",
          rates: [
            { currency: "USD", toCny: "7.1", toUsd: "1" },
            { currency: "CNY", toCny: "1", toUsd: "0.1408" },
          ],
        },
      }),
    );
    // budget, then actual + forecast: overrun 1000 → 1250 (+25%), slight (CNY) 1000 → 1050 (+5%), under 1000 → 900 (−10%)
    for (const [slug, currency, actual, forecast] of [
      ["overrun", "USD", "700", "550"],
      ["slight", "CNY", "600", "450"],
      ["under", "USD", "400", "500"],
    ] as const) {
      const v = ok(await createBudgetVersion({ viewer: admin, slug, input: { kind: "ORIGINAL", label: "FID" } }));
      const l1 = ok(
        await setBudgetLine({
          viewer: admin,
          slug,
          versionId: v.data.id,
          input: { version: v.data.version, category: "mining", period: "2026-01", amount: "600" },
        }),
      );
      const l2 = ok(
        await setBudgetLine({
          viewer: admin,
          slug,
          versionId: v.data.id,
          input: { version: l1.data.version, category: "mining", period: "2026-02", amount: "400" },
        }),
      );
      ok(await approveBudgetVersion({ viewer: pmo, slug, versionId: v.data.id, input: { version: l2.data.version } }));
      ok(
        await setCostLine({
          viewer: admin,
          slug,
          input: { externalRef: `${slug}-a`, category: "mining", measure: "ACTUAL", period: "2026-01", amount: actual, currency },
        }),
      );
      // a forecast for the actual month does not count: EAC = actual to date + the forecast after it
      ok(
        await setCostLine({
          viewer: admin,
          slug,
          input: { externalRef: `${slug}-f0`, category: "mining", measure: "FORECAST", period: "2026-01", amount: "99999", currency },
        }),
      );
      ok(
        await setCostLine({
          viewer: admin,
          slug,
          input: { externalRef: `${slug}-f`, category: "mining", measure: "FORECAST", period: "2026-02", amount: forecast, currency },
        }),
      );
    }
  });

  it("rows carry budget, EAC and variance in the project's currency, the converted figures and the rate sets", async () => {
    const rows = (await list("sort=name")).rows;
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r.capex]));
    expect(bySlug["no-money"]).toBeNull();
    expect(bySlug.overrun).toEqual({
      currency: "USD",
      budget: "1000.00",
      eac: "1250.00",
      variancePercent: "25.00",
      converted: { CNY: { budget: "7100.00", eac: "8875.00" }, USD: { budget: "1000.00", eac: "1250.00" } },
      rateSets: ["Budget 2026"],
    });
    expect(bySlug.slight).toMatchObject({
      currency: "CNY",
      budget: "1000.00",
      eac: "1050.00",
      variancePercent: "5.00",
      converted: { USD: { budget: "140.80", eac: "147.84" } },
    });
    expect(bySlug.under).toMatchObject({ variancePercent: "-10.00" });
  });

  it("over budget by more than N%: strictly more, server-side, counted, in the reader's scope", async () => {
    expect(await slugs("overBudget=0")).toEqual(["overrun", "slight"]);
    expect(await slugs("overBudget=5")).toEqual(["overrun"]);
    expect(await slugs("overBudget=4.99")).toEqual(["overrun", "slight"]);
    expect(await slugs("overBudget=25")).toEqual([]);
    expect((await list("overBudget=0&pageSize=1")).total).toBe(2);
    const mccPath = (await database().prisma.orgUnit.findUniqueOrThrow({ where: { code: "MCC" } })).path;
    expect(await slugs("overBudget=0", { all: false, paths: [mccPath] })).toEqual(["slight"]);
    // sorted by variance, largest overrun first; projects without a variance last
    expect(await slugs("sort=variance&dir=desc")).toEqual(["overrun", "slight", "under", "no-money"]);
  });

  it("the API refuses a bad threshold or currency by name; the page drops it and says so", () => {
    for (const bad of ["overBudget=-1", "overBudget=abc", "overBudget=1001", "overBudget=1.234", "cur=EUR"]) {
      const r = parseListParamsStrict(new URLSearchParams(bad));
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(Object.keys(r.fields)).toEqual([bad.split("=")[0]]);
    }
    expect(parseListParamsLenient(new URLSearchParams("overBudget=abc&cur=USD"))).toMatchObject({ params: { cur: "USD" }, ignored: ["overBudget"] });
  });

  it("exports carry the same filter and columns: the amount, its currency, the roll-up amount and the rate sets", async () => {
    const labels = localizedExportLabels("en", messages);
    const csv = await new Response(
      exportProjectsCsv({ params: params("overBudget=0&cur=USD"), columns: ["name", "budget", "eac", "variance"], labels, where: { scope: WHOLE_PORTFOLIO } }),
    ).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "Name,Chinese name,Approved budget,Currency,Approved budget (USD),Estimate at completion,Estimate at completion (USD),Variance,Exchange-rate sets",
      "Overrun Mine,,1000.00,USD,1000.00,1250.00,1250.00,25,Budget 2026",
      "Slight Overrun,,1000.00,CNY,140.80,1050.00,147.84,5,Budget 2026",
    ]);
    // without a roll-up currency: no converted column, and never a figure in another currency
    const own = await new Response(exportProjectsCsv({ params: params(""), columns: ["name", "budget"], labels, where: { scope: WHOLE_PORTFOLIO } })).text();
    expect(own.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Name,Chinese name,Approved budget,Currency");
  });
});
