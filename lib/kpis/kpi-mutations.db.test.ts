import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { getProjectKpis } from "./get-project-kpis";
import { createKpiDefinition, setDesignCapacity, setKpiActual, setKpiTarget } from "./kpi-mutations";
import { applyKpiUpload, dryRunKpiUpload } from "./kpi-upload";

describe.each(testBackends())("KPI mutations on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;
  let admin: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "kp", countryCode: "PE" })] });
    manager = await createViewer(prisma, "manager", "Mei Manager");
    admin = await createViewer(prisma, "admin");
    await assignManager(prisma, manager, "kp");
  });

  it("actuals, targets and capacity give tiles, % of design and the ramp-up chart", async () => {
    const entries: [string, string, string][] = [
      ["ore-milled", "2026-01", "60000"],
      ["ore-milled", "2026-02", "75000"],
      ["recordable-injuries", "2026-01", "1"],
      ["recordable-injuries", "2026-02", "2"],
      ["lost-time-injuries", "2026-02", "1"],
      ["hours-employees", "2026-01", "200000"],
      ["hours-employees", "2026-02", "300000"],
      ["hours-contractors", "2026-01", "250000"],
      ["hours-contractors", "2026-02", "250000"],
    ];
    for (const [kpi, period, value] of entries) expect((await setKpiActual({ viewer: manager, slug: "kp", input: { kpi, period, value } })).ok).toBe(true);
    expect((await setKpiTarget({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", series: "RAMP_UP", period: "2026-02", value: "80000" } })).ok).toBe(
      true,
    );
    expect((await setKpiTarget({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", series: "RAMP_UP", period: "2026-03", value: "90000" } })).ok).toBe(
      true,
    );
    expect((await setDesignCapacity({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", monthlyValue: "100000" } })).ok).toBe(true);

    const kpis = (await getProjectKpis({ slug: "kp", viewer: null }))!;
    const ore = kpis.tiles.find((t) => t.key === "ore-milled")!;
    expect(ore).toMatchObject({ latestPeriod: "2026-02", latest: "75000", previous: "60000", target: "80000", targetSeries: "RAMP_UP", percentOfDesign: "75" });
    // TRIFR over the 12 months to February: 3 recordable injuries in 1,000,000 hours
    expect(kpis.tiles.find((t) => t.key === "trifr")).toMatchObject({ rolling12: true, latest: "3", previous: "2.22" });
    expect(kpis.tiles.find((t) => t.key === "ltifr")).toMatchObject({ latest: "1" });
    expect(kpis.rampUp).toMatchObject({ key: "ore-milled", designCapacity: "100000", series: ["RAMP_UP"] });
    expect(kpis.rampUp!.months).toEqual([
      { period: "2026-01", actual: "60000", targets: { RAMP_UP: null } },
      { period: "2026-02", actual: "75000", targets: { RAMP_UP: "80000" } },
      { period: "2026-03", actual: null, targets: { RAMP_UP: "90000" } },
    ]);
  });

  it("a correction names its version; rates are never entered; bad input changes nothing", async () => {
    const prisma = database().prisma;
    const stored = (await prisma.kpiActual.findFirstOrThrow({ where: { definition: { key: "ore-milled" }, period: new Date("2026-02-01") } })).value.toString();
    expect(await setKpiActual({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", period: "2026-02", value: "76000" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", details: { existing: { version: 1, value: stored } } },
    });
    // a target likewise: what is stored and its version, then a replacement with that version
    expect(
      await setKpiTarget({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", series: "RAMP_UP", period: "2026-02", value: "81000" } }),
    ).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", details: { existing: { version: 1, value: "80000" } } },
    });
    expect(
      await setKpiTarget({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", series: "RAMP_UP", period: "2026-02", value: "81000", version: 1 } }),
    ).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await setKpiActual({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", period: "2026-02", value: "76000", version: 1 } })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect(await setKpiActual({ viewer: manager, slug: "kp", input: { kpi: "ore-milled", period: "2026-02", value: "77000", version: 1 } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const before = await prisma.kpiActual.count();
    for (const input of [
      { kpi: "trifr", period: "2026-02", value: "3" },
      { kpi: "unknown", period: "2026-02", value: "3" },
      { kpi: "ore-milled", period: "2026-02-15", value: "3" },
      { kpi: "ore-milled", period: "2026-04", value: "3,5" },
      { kpi: "ore-milled", period: "2026-04", value: "1.23456" },
    ]) {
      const r = await setKpiActual({ viewer: manager, slug: "kp", input });
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("BAD_REQUEST");
    }
    expect(await setDesignCapacity({ viewer: manager, slug: "kp", input: { kpi: "recordable-injuries", monthlyValue: "5" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(await prisma.kpiActual.count()).toBe(before);
    expect(await prisma.auditEntry.count({ where: { action: { startsWith: "kpi." } } })).toBe(9 + 3 + 1 + 1);
  });

  it("admins add KPI definitions; a ratio must name existing counts", async () => {
    const bad = await createKpiDefinition({
      viewer: admin,
      input: {
        key: "x-rate",
        nameEn: "X",
        nameZh: "X",
        unit: "x",
        category: "SAFETY",
        direction: "LOWER_BETTER",
        aggregation: "RATIO",
        numeratorKeys: ["nope"],
        denominatorKeys: ["hours-employees"],
        scale: "200000",
      },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const ok = await createKpiDefinition({
      viewer: admin,
      input: { key: "water-use", nameEn: "Water use", nameZh: "用水量", unit: "m3", category: "ESG", direction: "LOWER_BETTER", aggregation: "SUM" },
    });
    expect(ok.ok).toBe(true);
    expect(
      await createKpiDefinition({
        viewer: manager,
        input: { key: "w2", nameEn: "W", nameZh: "W", unit: "m3", category: "ESG", direction: "LOWER_BETTER", aggregation: "SUM" },
      }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("KPI upload: dry run lists bad rows; applying is all or nothing and idempotent", async () => {
    const prisma = database().prisma;
    const bad = [
      { row: 2, project: "kp", kpi: "ore-milled", period: "2026-05", value: "81000" },
      { row: 3, project: "kp", kpi: "trifr", period: "2026-05", value: "2" },
      { row: 4, project: "nope", kpi: "ore-milled", period: "2026-05", value: "1" },
      { row: 5, project: "kp", kpi: "ore-milled", period: "May", value: "1,0" },
      { row: 6, project: "kp", kpi: "ore-milled", period: "2026-05", value: "81000" },
    ];
    const dry = await dryRunKpiUpload({ viewer: manager, input: { rows: bad } });
    if (!dry.ok) throw new Error("dry run");
    expect(dry.data.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
      [],
      ["computedKpi"],
      ["unknownProject"],
      ["badPeriod", "badNumber"],
      ["duplicateReference"],
    ]);
    const before = await prisma.kpiActual.count();
    expect(await applyKpiUpload({ viewer: manager, input: { rows: bad } })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await prisma.kpiActual.count()).toBe(before);
    const good = [bad[0], { row: 3, project: "kp", kpi: "ore-milled", period: "2026-02", value: "76000" }];
    expect(await applyKpiUpload({ viewer: manager, input: { rows: good } })).toMatchObject({ ok: true, data: { counts: { create: 1, unchanged: 1 } } });
    expect(await applyKpiUpload({ viewer: manager, input: { rows: good } })).toMatchObject({
      ok: true,
      data: { counts: { create: 0, update: 0, unchanged: 2 } },
    });
    expect(await prisma.kpiActual.count()).toBe(before + 1);
  });
});
