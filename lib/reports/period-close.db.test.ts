import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { closePeriod, getPeriodClose } from "./period-close";
import { getReport } from "./read-reports";
import { createReportDraft, publishReport, returnReport, saveReportNarrative, submitReport, supersedeReport } from "./report-workflow";

const AFTER = new Date("2031-01-10T00:00:00Z");

describe.each(testBackends())("closing a reporting period on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let pmo: Viewer;
  let manager: Viewer;
  let subsidiaryAdmin: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: ["ca", "cb", "cc", "cd", "ce"].map((slug) => buildProject({ slug, nameEn: `Close ${slug}`, orgUnit: "MMG", businessLine: "BASE_METALS" })),
    });
    admin = await createViewer(prisma, "admin", "Group admin");
    pmo = await createViewer(prisma, "pmo", "Group PMO");
    manager = await createViewer(prisma, "manager", "Manager");
    subsidiaryAdmin = await createViewer(prisma, "admin", "MMG admin", "MMG");
    for (const slug of ["ca", "cb", "cc", "cd", "ce"]) await assignManager(prisma, manager, slug);
  });

  /** A report of a project walked to a state by the app (so the period's row exists). */
  async function reportOf(slug: string, periodId: string, to: "DRAFT" | "SUBMITTED" | "PUBLISHED") {
    const d = await createReportDraft({ viewer: manager, slug, input: { periodId } });
    if (!d.ok) throw new Error(JSON.stringify(d.error));
    if (to === "DRAFT") return d.data;
    const s = await submitReport({ viewer: manager, reportId: d.data.id, input: { version: d.data.version } });
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    if (to === "SUBMITTED") return s.data;
    const p = await publishReport({ viewer: pmo, reportId: d.data.id, input: { version: s.data.version } });
    if (!p.ok) throw new Error(JSON.stringify(p.error));
    return p.data;
  }

  it("lets only a group admin close an ended month, once, audited", async () => {
    const prisma = database().prisma;
    const periodId = "2030-11";
    for (const [viewer, code] of [
      [null, "UNAUTHENTICATED"],
      [pmo, "FORBIDDEN"],
      [manager, "FORBIDDEN"],
      [subsidiaryAdmin, "FORBIDDEN"],
    ] as const)
      expect(await closePeriod({ viewer, input: { periodId }, now: AFTER }), viewer?.name ?? "anonymous").toMatchObject({ ok: false, error: { code } });
    expect(await closePeriod({ viewer: admin, input: { periodId: "2030-13" }, now: AFTER })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    // the month has not ended yet on its last day
    expect(await closePeriod({ viewer: admin, input: { periodId }, now: new Date("2030-11-30T12:00:00Z") })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", english: "A period can be closed only after its month has ended." },
    });
    expect(await getPeriodClose({ periodId })).toBeNull();
    expect(await prisma.auditEntry.count({ where: { action: "report.period.close" } })).toBe(0);

    const closed = await closePeriod({ viewer: admin, input: { periodId }, now: AFTER });
    expect(closed).toMatchObject({ ok: true, data: { periodId, closedAt: AFTER.toISOString(), closedByName: "Group admin" } });
    expect(await getPeriodClose({ periodId })).toEqual({ periodId, closedAt: AFTER.toISOString(), closedByName: "Group admin" });
    expect(await closePeriod({ viewer: admin, input: { periodId }, now: AFTER })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", english: "This period is already closed." },
    });
    const audit = await prisma.auditEntry.findMany({ where: { action: "report.period.close" } });
    expect(audit).toMatchObject([{ entityType: "ReportingPeriod", entityId: periodId, actorName: "Group admin" }]);
    // the database keeps the close: not reopened, not moved, not deleted
    await expect(prisma.reportingPeriod.update({ where: { id: periodId }, data: { closedAt: null } })).rejects.toThrow(/closed and cannot change/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "ReportingPeriod" SET "closedAt" = now() WHERE "id" = '${periodId}'`)).rejects.toThrow(
      /closed and cannot change/,
    );
    await expect(prisma.reportingPeriod.delete({ where: { id: periodId } })).rejects.toThrow(/closed and cannot change/);
  });

  it("refuses drafting, editing, submitting and publishing a first report after the close; returning and correcting still work", async () => {
    const prisma = database().prisma;
    const periodId = "2030-10";
    const draft = await reportOf("ca", periodId, "DRAFT");
    const submitted = await reportOf("cb", periodId, "SUBMITTED");
    const published = await reportOf("cc", periodId, "PUBLISHED");
    const toReturn = await reportOf("ce", periodId, "SUBMITTED");
    expect(await closePeriod({ viewer: admin, input: { periodId }, now: AFTER })).toMatchObject({ ok: true });
    const closedMsg = "This period is closed: only a correction of a published report can be written.";
    const refused = { ok: false, error: { code: "CONFLICT", english: closedMsg } };
    const auditBefore = await prisma.auditEntry.count({ where: { entityType: "StatusReport" } });

    expect(await createReportDraft({ viewer: manager, slug: "cd", input: { periodId } })).toMatchObject(refused);
    expect(
      await saveReportNarrative({ viewer: manager, reportId: draft.id, input: { version: draft.version, narrative: { summaryEn: "Late" } } }),
    ).toMatchObject(refused);
    expect(await submitReport({ viewer: manager, reportId: draft.id, input: { version: draft.version } })).toMatchObject(refused);
    expect(await publishReport({ viewer: pmo, reportId: submitted.id, input: { version: submitted.version } })).toMatchObject(refused);
    expect(await prisma.statusReport.count({ where: { periodId, project: { slug: "cd" } } })).toBe(0);
    expect((await prisma.statusReport.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(draft.version);
    expect((await prisma.statusReport.findUniqueOrThrow({ where: { id: submitted.id } })).state).toBe("SUBMITTED");
    expect(await prisma.auditEntry.count({ where: { entityType: "StatusReport" } })).toBe(auditBefore);

    // a submitted first report can still be returned (that publishes nothing), and then not resubmitted
    expect(await returnReport({ viewer: pmo, reportId: toReturn.id, input: { version: toReturn.version, comment: "Too late" } })).toMatchObject({
      ok: true,
      data: { state: "RETURNED" },
    });
    expect(await submitReport({ viewer: manager, reportId: toReturn.id, input: { version: toReturn.version + 1 } })).toMatchObject(refused);

    // a correction of the published report goes the whole way
    const c = await supersedeReport({ viewer: manager, reportId: published.id, input: { reason: "Progress was misread" } });
    expect(c).toMatchObject({ ok: true, data: { state: "DRAFT", reportVersion: 2 } });
    if (!c.ok) return;
    const saved = await saveReportNarrative({ viewer: manager, reportId: c.data.id, input: { version: 1, narrative: { summaryEn: "Corrected" } } });
    expect(saved).toMatchObject({ ok: true });
    const s = await submitReport({ viewer: manager, reportId: c.data.id, input: { version: 2 } });
    expect(s).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await publishReport({ viewer: pmo, reportId: c.data.id, input: { version: 3 } })).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
    expect(await getReport({ viewer: null, reportId: c.data.id })).toMatchObject({ state: "PUBLISHED", supersedeReason: "Progress was misread" });
  });

  it("has the database refuse the same writes from any client", async () => {
    const prisma = database().prisma;
    const periodId = "2030-09";
    const draft = await reportOf("ca", periodId, "DRAFT");
    const submitted = await reportOf("cb", periodId, "SUBMITTED");
    expect(await closePeriod({ viewer: admin, input: { periodId }, now: AFTER })).toMatchObject({ ok: true });
    const project = await prisma.project.findUniqueOrThrow({ where: { slug: "cd" } });
    await expect(prisma.statusReport.create({ data: { projectId: project.id, periodId, createdByName: "sneaky" } })).rejects.toThrow(/is closed/);
    await expect(prisma.statusReport.update({ where: { id: draft.id }, data: { state: "SUBMITTED" } })).rejects.toThrow(/is closed/);
    await expect(prisma.statusReport.update({ where: { id: draft.id }, data: { narrative: { summaryEn: "x" } } })).rejects.toThrow(/is closed/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "StatusReport" SET "state" = 'PUBLISHED' WHERE "id" = '${submitted.id}'`)).rejects.toThrow(/is closed/);
    expect((await prisma.statusReport.findUniqueOrThrow({ where: { id: submitted.id } })).state).toBe("SUBMITTED");
    // returning is allowed by the database too
    await prisma.statusReport.update({ where: { id: submitted.id }, data: { state: "RETURNED", returnComment: "late" } });
    // an open period is not affected
    await prisma.reportingPeriod.create({ data: { id: "2030-08", startsOn: new Date("2030-08-01"), endsOn: new Date("2030-08-31") } });
    await prisma.statusReport.create({ data: { projectId: project.id, periodId: "2030-08", createdByName: "fine" } });
  });
});
