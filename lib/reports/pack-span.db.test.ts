import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { Prisma } from "../db/generated/client";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { createViewer } from "../test/viewers";
import { closePeriod } from "./period-close";
import { getReportPack } from "./read-pack";
import { createReportDraft, publishReport, submitReport, supersedeReport } from "./report-workflow";

/**
 * Quarters and years are derived views (docs/decisions/0074): for each
 * project its latest published report within the span, the figures from
 * those; compliance per month.
 */
describe.each(testBackends())("quarter and year packs on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  /** the report id each project's quarter view must use */
  const lastOf: Record<string, string> = {};

  async function publish(slug: string, periodId: string, progressPercent: number): Promise<string> {
    const prisma = database().prisma;
    await prisma.project.update({ where: { slug }, data: { progressPercent } });
    const d = await createReportDraft({ viewer: admin, slug, input: { periodId } });
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    await submitReport({ viewer: admin, reportId: d.data.id, input: { version: 1 } });
    const p = await publishReport({ viewer: admin, reportId: d.data.id, input: { version: 2 } });
    if (!p.ok) throw new Error(JSON.stringify(p.error));
    return d.data.id;
  }

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({ slug: "qa", nameEn: "Quarter A", businessLine: "BASE_METALS" }),
        buildProject({ slug: "qb", nameEn: "Quarter B", businessLine: "BASE_METALS" }),
        buildProject({ slug: "qc", nameEn: "Quarter C", businessLine: "NEW_ENERGY_MATERIALS" }),
        buildProject({ slug: "qd", nameEn: "Quarter D (never reports)", businessLine: "BASE_METALS" }),
      ],
    });
    admin = await createViewer(prisma, "admin", "Admin");
    // qa: every month, the September report is its quarter's
    await publish("qa", "2026-07", 10);
    await publish("qa", "2026-08", 20);
    lastOf.qa = await publish("qa", "2026-09", 30);
    // qb: July only (a project that stopped reporting still counts with its last report)
    lastOf.qb = await publish("qb", "2026-07", 55);
    // qc: August, corrected: the correction is its quarter's
    const first = await publish("qc", "2026-08", 40);
    await prisma.project.update({ where: { slug: "qc" }, data: { progressPercent: 45 } });
    const c = await supersedeReport({ viewer: admin, reportId: first, input: { reason: "Progress was 45 %" } });
    if (!c.ok) throw new Error("setup");
    await submitReport({ viewer: admin, reportId: c.data.id, input: { version: 1 } });
    await publishReport({ viewer: admin, reportId: c.data.id, input: { version: 2 } });
    lastOf.qc = c.data.id;
    // a report in the next quarter is not the third quarter's
    await publish("qa", "2026-10", 90);
  }, 120_000);

  it("takes each project's latest published report in the quarter; its figures are those reports' figures", async () => {
    const prisma = database().prisma;
    const pack = await getReportPack({ viewer: null, periodId: "2026-Q3", today: new Date("2026-12-01T00:00:00Z") });
    expect(pack.span).toBe("quarter");
    const reports = pack.groups.flatMap((g) => g.reports);
    expect(Object.fromEntries(reports.map((r) => [r.slug, r.id]))).toEqual(lastOf);
    expect(Object.fromEntries(reports.map((r) => [r.slug, [r.periodId, r.progressPercent]]))).toEqual({
      qa: ["2026-09", 30],
      qb: ["2026-07", 55],
      qc: ["2026-08", 45],
    });
    expect(pack.published).toBe(3);
    // The figures equal the sum of the figures of exactly those reports, key by key.
    const expected = new Map<string, Prisma.Decimal>();
    for (const f of await prisma.reportFigure.findMany({ where: { reportId: { in: Object.values(lastOf) } } }))
      expected.set(`${f.key}|${f.currency}`, (expected.get(`${f.key}|${f.currency}`) ?? new Prisma.Decimal(0)).plus(f.value));
    expect(Object.fromEntries(pack.figures.map((f) => [`${f.key}|${f.currency}`, f.sum]))).toEqual(
      Object.fromEntries([...expected].map(([k, v]) => [k, v.toString()])),
    );
    expect(pack.figures.find((f) => f.key === "overview.progressPercent")?.sum).toBe("130");
    // compliance per month of the span
    expect(pack.months.map((m) => [m.periodId, m.published])).toEqual([
      ["2026-07", 2],
      ["2026-08", 2],
      ["2026-09", 1],
    ]);
    // not reported in the whole quarter: qd only, overdue against September's due date
    expect(pack.notReported).toMatchObject([{ slug: "qd", state: "MISSING", dueOn: "2026-10-05", overdue: true }]);
    // without the reports (the XLSX's summary): the same counts and figures
    const summary = await getReportPack({ viewer: null, periodId: "2026-Q3", today: new Date("2026-12-01T00:00:00Z"), withReports: false });
    expect(summary).toMatchObject({ published: 3, figures: pack.figures, healthCounts: pack.healthCounts, groups: [] });
  });

  it("derives the year the same way, and shows which months are closed", async () => {
    expect(await closePeriod({ viewer: admin, input: { periodId: "2026-07" }, now: new Date("2026-11-01T00:00:00Z") })).toMatchObject({ ok: true });
    const year = await getReportPack({ viewer: null, periodId: "2026" });
    expect(year.span).toBe("year");
    expect(year.months).toHaveLength(12);
    expect(Object.fromEntries(year.groups.flatMap((g) => g.reports).map((r) => [r.slug, [r.periodId, r.progressPercent]]))).toEqual({
      qa: ["2026-10", 90],
      qb: ["2026-07", 55],
      qc: ["2026-08", 45],
    });
    expect(year.figures.find((f) => f.key === "overview.progressPercent")?.sum).toBe("190");
    expect(year.months.find((m) => m.periodId === "2026-07")).toMatchObject({ closedAt: "2026-11-01T00:00:00.000Z", closedByName: "Admin" });
    expect(year.months.filter((m) => m.closedAt).map((m) => m.periodId)).toEqual(["2026-07"]);
    // a month's pack is unchanged by the derivation: the corrected August counts the correction once
    const august = await getReportPack({ viewer: null, periodId: "2026-08" });
    expect(august.figures.find((f) => f.key === "overview.progressPercent")?.sum).toBe("65");
    expect(august.months).toMatchObject([{ periodId: "2026-08", published: 2, closedAt: null }]);
  });
});
