import { beforeAll, describe, expect, it, vi } from "vitest";
import * as scope from "../projects/project-scope";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { addAssignment, assignManager, createViewer } from "../test/viewers";
import { ensureRiskAndGateReferenceData } from "./ensure-reference-data";
import { DEFAULT_MATRIX_V1 } from "./reference-data";
import { assessRisk, createRisk, createRiskAction, updateRisk, updateRiskAction } from "./risk-mutations";
import { allRisks, getHeatMap, getRisk, listProjectRisks, listRisks, riskUnits, risksPastReview, topRisks } from "./risk-queries";
import { parseRiskListParams } from "./risk-list-params";

describe.each(testBackends())("risk register on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;
  let other: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await ensureRiskAndGateReferenceData(prisma);
    await ensureRiskAndGateReferenceData(prisma); // idempotent
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "rp" }), buildProject({ slug: "rq" })] });
    manager = await createViewer(prisma, "manager", "Mei Manager");
    other = await createViewer(prisma, "manager", "Other Manager");
    await assignManager(prisma, manager, "rp");
  });

  async function newRisk(input: Record<string, unknown> = {}) {
    const r = await createRisk({ viewer: manager, slug: "rp", input: { titleEn: "Tailings dam seepage", category: "ENVIRONMENTAL", ...input } });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  }

  it("loads the reference data once: one default matrix version, three gate processes", async () => {
    const prisma = database().prisma;
    expect(await prisma.riskMatrix.count()).toBe(1);
    expect((await prisma.gateProcess.findMany({ orderBy: { key: "asc" } })).map((p) => p.key)).toEqual(["epc", "mining", "technology"]);
  });

  it("scores every cell of the stored matrix, records the matrix version, and bands like the reference", async () => {
    const risk = await newRisk();
    const prisma = database().prisma;
    for (let p = 1; p <= 5; p++)
      for (let i = 1; i <= 5; i++) {
        const r = await assessRisk({
          viewer: manager,
          slug: "rp",
          riskId: risk.id,
          input: { kind: "INHERENT", probability: p, impacts: { cost: 1, safety: i } },
        });
        const band = DEFAULT_MATRIX_V1.bands.find((b) => p * i >= b.min && p * i <= b.max)!.key;
        expect(r, `p${p} i${i}`).toEqual({ ok: true, data: expect.objectContaining({ probability: p, impact: i, score: p * i, band }) });
      }
    const stored = await prisma.riskAssessment.findMany({ where: { riskId: risk.id }, include: { matrix: true } });
    expect(stored).toHaveLength(25);
    expect(new Set(stored.map((a) => `${a.matrix.key}@${a.matrix.version}`))).toEqual(new Set(["default@1"]));
    // the last one (5 × 5) is the current figure: no residual yet, so the inherent counts
    expect(await prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).toMatchObject({
      currentScore: 25,
      currentBand: "high",
      currentProbability: 5,
      currentImpact: 5,
    });
    const residual = await assessRisk({ viewer: manager, slug: "rp", riskId: risk.id, input: { kind: "RESIDUAL", probability: 2, impacts: { cost: 3 } } });
    expect(residual).toMatchObject({ ok: true, data: { score: 6, band: "medium" } });
    // a later inherent assessment does not displace the residual as the current figure
    await assessRisk({ viewer: manager, slug: "rp", riskId: risk.id, input: { kind: "INHERENT", probability: 5, impacts: { cost: 5 } } });
    expect(await prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).toMatchObject({ currentScore: 6, currentBand: "medium" });
  });

  it("keeps assessments append-only and matrix versions immutable in the database", async () => {
    const prisma = database().prisma;
    const risk = await newRisk();
    await assessRisk({ viewer: manager, slug: "rp", riskId: risk.id, input: { kind: "RESIDUAL", probability: 3, impacts: { schedule: 3 } } });
    const a = await prisma.riskAssessment.findFirstOrThrow({ where: { riskId: risk.id } });
    await expect(prisma.riskAssessment.update({ where: { id: a.id }, data: { score: 1 } })).rejects.toThrow(/append-only/);
    await expect(prisma.riskAssessment.delete({ where: { id: a.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "RiskAssessment" SET "score" = 1`)).rejects.toThrow(/append-only/);
    await expect(prisma.riskMatrix.updateMany({ data: { nameEn: "changed" } })).rejects.toThrow(/immutable/);
    expect((await prisma.riskAssessment.findUniqueOrThrow({ where: { id: a.id } })).score).toBe(9);
  });

  it("rejects bad scores and bad risks, and changes nothing", async () => {
    const prisma = database().prisma;
    const risk = await newRisk();
    const before = await prisma.riskAssessment.count();
    for (const input of [
      { kind: "RESIDUAL", probability: 6, impacts: { cost: 1 } },
      { kind: "RESIDUAL", probability: 0, impacts: { cost: 1 } },
      { kind: "RESIDUAL", probability: 2, impacts: { cost: 6 } },
      { kind: "RESIDUAL", probability: 2, impacts: { weather: 2 } },
      { kind: "RESIDUAL", probability: 2, impacts: {} },
      { kind: "LATER", probability: 2, impacts: { cost: 2 } },
      { kind: "RESIDUAL", probability: 2.5, impacts: { cost: 2 } },
    ]) {
      const r = await assessRisk({ viewer: manager, slug: "rp", riskId: risk.id, input });
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
    expect(await prisma.riskAssessment.count()).toBe(before);
    const risks = await prisma.risk.count();
    for (const input of [
      { category: "SAFETY" },
      { titleEn: "x", category: "WEATHER" },
      { titleEn: "x", category: "SAFETY", kind: "OPPORTUNITY", response: "AVOID" },
      { titleEn: "x", category: "SAFETY", nextReviewOn: "2026-02-30" },
      { titleEn: "x", category: "SAFETY", ownerId: "nobody" },
      { titleEn: "x", category: "SAFETY", code: "../x" },
    ]) {
      const r = await createRisk({ viewer: manager, slug: "rp", input });
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
    expect(await prisma.risk.count()).toBe(risks);
    expect(await createRisk({ viewer: other, slug: "rp", input: { titleEn: "x", category: "SAFETY" } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await assessRisk({ viewer: manager, slug: "rq", riskId: risk.id, input: { kind: "RESIDUAL", probability: 1, impacts: { cost: 1 } } })).toMatchObject(
      { ok: false, error: { code: "FORBIDDEN" } },
    );
  });

  it("edits a risk with optimistic concurrency and an audit entry; links an occurrence", async () => {
    const prisma = database().prisma;
    const risk = await newRisk({ code: "R-900" });
    const ok = await updateRisk({
      viewer: manager,
      slug: "rp",
      riskId: risk.id,
      input: { version: 1, status: "OCCURRED", occurredNote: "Caused the first ore slip", occurredLink: "https://example.org/issue/1", response: "REDUCE" },
    });
    expect(ok).toEqual({ ok: true, data: { id: risk.id, code: "R-900", version: 2 } });
    const stale = await updateRisk({ viewer: manager, slug: "rp", riskId: risk.id, input: { version: 1, titleEn: "Lost" } });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await prisma.risk.findUniqueOrThrow({ where: { id: risk.id } })).titleEn).toBe("Tailings dam seepage");
    expect(await prisma.auditEntry.count({ where: { entityId: risk.id } })).toBe(2);
    expect(await createRisk({ viewer: manager, slug: "rp", input: { titleEn: "Dup", category: "SAFETY", code: "R-900" } })).toMatchObject({
      ok: false,
      error: { fields: { code: { key: "riskCodeTaken" } } },
    });
  });

  it("adds and completes an action", async () => {
    const risk = await newRisk();
    const a = await createRiskAction({
      viewer: manager,
      slug: "rp",
      riskId: risk.id,
      input: { title: "Install liner", ownerId: manager.id, dueOn: "2027-01-15" },
    });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(await updateRiskAction({ viewer: manager, slug: "rp", riskId: risk.id, actionId: a.data.id, input: { version: 1, status: "DONE" } })).toEqual({
      ok: true,
      data: { id: a.data.id, version: 2 },
    });
    expect(await updateRiskAction({ viewer: manager, slug: "rp", riskId: risk.id, actionId: a.data.id, input: { version: 1, status: "OPEN" } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const detail = await getRisk({ viewer: manager, slug: "rp", code: risk.code });
    expect(detail!.actions).toEqual([
      expect.objectContaining({
        title: { en: "Install liner", zh: null },
        status: "DONE",
        dueOn: "2027-01-15",
        owner: { id: manager.id, name: "Mei Manager" },
      }),
    ]);
  });

  it("shows the heat map today and as it stood on a past date; lists, filters, tops and overdue reviews", async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "hm" })] });
    await assignManager(prisma, manager, "hm");
    const mk = async (code: string, nextReviewOn?: string) => {
      const r = await createRisk({ viewer: manager, slug: "hm", input: { titleEn: code, category: "SAFETY", code, nextReviewOn } });
      if (!r.ok) throw new Error("setup");
      return r.data.id;
    };
    const a = await mk("A", "2020-01-01");
    const b = await mk("B");
    const score = (id: string, p: number, i: number, at: string) =>
      assessRisk({ viewer: manager, slug: "hm", riskId: id, input: { kind: "RESIDUAL", probability: p, impacts: { cost: i } }, at: new Date(at) });
    await score(a, 4, 4, "2026-01-10T10:00:00Z");
    await score(a, 2, 2, "2026-03-10T10:00:00Z");
    await score(b, 5, 5, "2026-02-10T10:00:00Z");

    const inScope = (cells: { probability: number; impact: number; count: number }[]) => cells.filter((c) => [16, 4, 25].includes(c.probability * c.impact));
    const jan = await getHeatMap({ viewer: manager, asOf: "2026-01-31" });
    expect(inScope(jan.cells)).toContainEqual({ probability: 4, impact: 4, count: 1 });
    expect(jan.cells.find((c) => c.probability === 5 && c.impact === 5)).toBeUndefined();
    const feb = await getHeatMap({ viewer: manager, asOf: "2026-02-28" });
    expect(feb.cells).toContainEqual({ probability: 4, impact: 4, count: 1 });
    expect(feb.cells).toContainEqual({ probability: 5, impact: 5, count: 1 });
    const mar = await getHeatMap({ viewer: manager, asOf: "2026-03-10" });
    expect(mar.cells.find((c) => c.probability === 4 && c.impact === 4)).toBeUndefined();
    expect(mar.cells).toContainEqual({ probability: 2, impact: 2, count: 1 });
    // a narrower scope (the organization tree's hook): only its projects' risks count, today and on a past date
    const spy = vi.spyOn(scope, "projectReadScope").mockReturnValue({ slug: "rq" });
    try {
      expect((await getHeatMap({ viewer: manager, asOf: "2026-02-28" })).total).toBe(0);
      expect((await getHeatMap({ viewer: manager })).total).toBe(0);
      expect((await listRisks({ viewer: manager, params: parseRiskListParams({}) })).total).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const now = await getHeatMap({ viewer: manager });
    expect(now.cells).toContainEqual(expect.objectContaining({ probability: 2, impact: 2 }));

    const list = await listRisks({ viewer: manager, params: parseRiskListParams({ project: "hm" }) });
    expect(list.rows.map((r) => r.code)).toEqual(["B", "A"]);
    expect((await listRisks({ viewer: manager, params: parseRiskListParams({ project: "hm", p: "2", i: "2" }) })).rows.map((r) => r.code)).toEqual(["A"]);
    expect((await listRisks({ viewer: manager, params: parseRiskListParams({ project: "hm", band: "high" }) })).rows.map((r) => r.code)).toEqual(["B"]);
    expect(
      (await listRisks({ viewer: manager, params: parseRiskListParams({ project: "hm", band: "bogus", status: "PROPOSED", category: "SAFETY" }) })).total,
    ).toBe(2);
    expect((await topRisks({ viewer: manager, limit: 1 }))[0].score).toBe(25);
    expect((await risksPastReview({ viewer: manager })).rows.map((r) => r.code)).toContain("A");
    const trend = (await listProjectRisks({ viewer: manager, slug: "hm" })).find((r) => r.code === "A")!;
    expect([trend.score, trend.previousScore]).toEqual([4, 16]);
  });
  it("filters the portfolio list by organization unit, subtree included, inside the reader's scope and never beyond it", async () => {
    const prisma = database().prisma;
    const root = await prisma.orgUnit.findFirstOrThrow({ where: { parentId: null }, select: { id: true, path: true } });
    const unit = (code: string, parent: { id: string; path: string }) =>
      prisma.orgUnit.create({
        data: { code, nameEn: `Unit ${code}`, parentId: parent.id, path: `${parent.path}${code}/`, currency: "USD" },
        select: { id: true, path: true },
      });
    const suba = await unit("SUBA", root);
    const branch = await unit("SUBA-BR", suba);
    const subb = await unit("SUBB", root);
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "ua" }), buildProject({ slug: "ub" }), buildProject({ slug: "uc" })] });
    for (const [slug, owner] of [
      ["ua", suba],
      ["ub", branch],
      ["uc", subb],
    ] as const) {
      await prisma.project.update({ where: { slug }, data: { orgUnitId: owner.id } });
      await assignManager(prisma, manager, slug);
      const r = await createRisk({ viewer: manager, slug, input: { titleEn: `Risk of ${slug}`, category: "SAFETY", code: `U-${slug}` } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const codes = async (viewer: Viewer, search: Record<string, string>) =>
      (await listRisks({ viewer, params: parseRiskListParams(search) })).rows
        .map((r) => r.code)
        .filter((c) => c.startsWith("U-"))
        .sort();
    // the unit and everything below it
    expect(await codes(manager, { org: "SUBA" })).toEqual(["U-ua", "U-ub"]);
    expect(await codes(manager, { org: "suba-br" })).toEqual(["U-ub"]);
    expect(await codes(manager, { org: "SUBB" })).toEqual(["U-uc"]);
    // an unknown unit selects nothing; a malformed code is dropped (the whole scope)
    expect((await listRisks({ viewer: manager, params: parseRiskListParams({ org: "NOPE" }) })).total).toBe(0);
    expect(await codes(manager, { org: "bad code%" })).toEqual(["U-ua", "U-ub", "U-uc"]);
    // combined with the other filters, and the export reads the same rows
    expect(await codes(manager, { org: "SUBA", project: "ub" })).toEqual(["U-ub"]);
    const exported: string[] = [];
    for await (const r of allRisks({ viewer: manager, params: parseRiskListParams({ org: "SUBA" }) })) exported.push(r.code);
    expect(exported.sort()).toEqual(["U-ua", "U-ub"]);

    // A reader of SUBA: the filter narrows their scope, it never widens it.
    const subaReader = await addAssignment(prisma, await createViewer(prisma, null, "SUBA reader"), "executive", "SUBA");
    expect(await codes(subaReader, {})).toEqual(["U-ua", "U-ub"]);
    expect(await codes(subaReader, { org: "SUBB" })).toEqual([]);
    expect(await codes(subaReader, { org: "SUBA-BR" })).toEqual(["U-ub"]);
    // The options: the units of the reader's scope, in tree order, with depth; an archived one is left out.
    expect((await riskUnits({ viewer: subaReader })).map((u) => [u.code, u.depth])).toEqual([
      ["SUBA", 1],
      ["SUBA-BR", 2],
    ]);
    const all = (await riskUnits({ viewer: manager })).map((u) => u.code);
    expect(all).toEqual(expect.arrayContaining(["SUBA", "SUBA-BR", "SUBB"]));
    expect(all.indexOf("SUBA")).toBeLessThan(all.indexOf("SUBA-BR"));
    await prisma.orgUnit.update({ where: { code: "SUBA-BR" }, data: { archivedAt: new Date() } });
    expect((await riskUnits({ viewer: subaReader })).map((u) => u.code)).toEqual(["SUBA"]);
    expect(await riskUnits({ viewer: await createViewer(prisma, null, "No role") })).toEqual([]);
  });
});
