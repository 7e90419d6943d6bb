import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import type { ReportState } from "../db/generated/enums";
import { Prisma } from "../db/generated/client";
import type { MutationResult } from "../server/mutation";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { getReport, getReportPack, listProjectReports } from "./read-reports";
import { createReportDraft, publishReport, returnReport, saveReportNarrative, submitReport, supersedeReport, type ReportRef } from "./report-workflow";
import { periodBounds } from "./periods";

type Caller = "anonymous" | "admin" | "pmo" | "assignedManager" | "otherManager" | "executive" | "staff";
const CALLERS: Caller[] = ["anonymous", "admin", "pmo", "assignedManager", "otherManager", "executive", "staff"];
type Action = "edit" | "submit" | "return" | "publish" | "supersede";
const STATES: ReportState[] = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"];

// Written out by hand (not derived from report-states.ts), so a wrong table fails.
const A = "allowed";
const BY_ROLE: Record<Action, Record<Caller, string>> = {
  edit: { anonymous: "UNAUTHENTICATED", admin: A, pmo: A, assignedManager: A, otherManager: "FORBIDDEN", executive: "FORBIDDEN", staff: "FORBIDDEN" },
  submit: { anonymous: "UNAUTHENTICATED", admin: A, pmo: A, assignedManager: A, otherManager: "FORBIDDEN", executive: "FORBIDDEN", staff: "FORBIDDEN" },
  supersede: { anonymous: "UNAUTHENTICATED", admin: A, pmo: A, assignedManager: A, otherManager: "FORBIDDEN", executive: "FORBIDDEN", staff: "FORBIDDEN" },
  return: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    pmo: A,
    assignedManager: "FORBIDDEN",
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
  },
  publish: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    pmo: A,
    assignedManager: "FORBIDDEN",
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
  },
};
const FROM: Record<Action, ReportState[]> = {
  edit: ["DRAFT", "RETURNED"],
  submit: ["DRAFT", "RETURNED"],
  return: ["SUBMITTED"],
  publish: ["SUBMITTED"],
  supersede: ["PUBLISHED"],
};
const RESULT_STATE: Record<Action, ReportState | null> = { edit: null, submit: "SUBMITTED", return: "RETURNED", publish: "PUBLISHED", supersede: null };

function run(action: Action, viewer: Viewer | null, ref: { id: string; version: number }): Promise<MutationResult<ReportRef>> {
  switch (action) {
    case "edit":
      return saveReportNarrative({ viewer, reportId: ref.id, input: { version: ref.version, narrative: { summaryEn: "Edited", summaryZh: "已编辑" } } });
    case "submit":
      return submitReport({ viewer, reportId: ref.id, input: { version: ref.version } });
    case "return":
      return returnReport({ viewer, reportId: ref.id, input: { version: ref.version, comment: "Add the cost figures" } });
    case "publish":
      return publishReport({ viewer, reportId: ref.id, input: { version: ref.version } });
    case "supersede":
      return supersedeReport({ viewer, reportId: ref.id, input: { reason: "Wrong progress figure" } });
  }
}

const outcome = (r: MutationResult<unknown>) => (r.ok ? A : r.error.code);

describe.each(testBackends())("report workflow on %s", (backend) => {
  const database = withTestDatabase(backend);
  const v = {} as Record<Exclude<Caller, "anonymous">, Viewer>;
  const viewer = (c: Caller) => (c === "anonymous" ? null : v[c]);
  let periodSeq = 0;
  const freshPeriod = () => {
    periodSeq += 1;
    return `${2000 + Math.floor(periodSeq / 12)}-${String((periodSeq % 12) + 1).padStart(2, "0")}`;
  };

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({ slug: "rp", nameEn: "Report Project", nameZh: "报告项目", health: "ON_TRACK", stage: "CONSTRUCTION", businessLine: "BASE_METALS" }),
        buildProject({ slug: "rq", nameEn: "Second Project", nameZh: "第二项目", health: "AT_RISK", businessLine: "BASE_METALS" }),
        buildProject({ slug: "rr", nameEn: "Third Project", businessLine: "NEW_ENERGY_MATERIALS" }),
      ],
    });
    for (const c of CALLERS) if (c !== "anonymous") v[c] = await createViewer(prisma, c === "assignedManager" || c === "otherManager" ? "manager" : c, c);
    for (const slug of ["rp", "rq", "rr"]) await assignManager(prisma, v.assignedManager, slug);
  });

  /** A report of "rp" put straight into a state (the set-up for one transition). */
  async function reportIn(state: ReportState): Promise<{ id: string; version: number }> {
    const prisma = database().prisma;
    const periodId = freshPeriod();
    const { startsOn, endsOn } = periodBounds(periodId);
    await prisma.reportingPeriod.create({ data: { id: periodId, startsOn, endsOn } });
    const project = await prisma.project.findUniqueOrThrow({ where: { slug: "rp" } });
    const r = await prisma.statusReport.create({ data: { projectId: project.id, periodId, state, createdByName: "set-up", snapshot: {} } });
    return { id: r.id, version: r.version };
  }

  it("allows and refuses every transition per role and state", async () => {
    const prisma = database().prisma;
    const seen: string[] = [];
    for (const action of Object.keys(BY_ROLE) as Action[])
      for (const state of STATES)
        for (const caller of CALLERS) {
          const ref = await reportIn(state);
          const auditBefore = await prisma.auditEntry.count({ where: { entityType: "StatusReport" } });
          const r = await run(action, viewer(caller), ref);
          const byRole = BY_ROLE[action][caller];
          // Permission is checked before the state: a caller who may not act at all learns nothing about the state.
          const expected = byRole !== A ? byRole : FROM[action].includes(state) ? A : "CONFLICT";
          seen.push(`${action}/${state}/${caller}:${outcome(r)}`);
          expect(outcome(r), `${action} from ${state} by ${caller}`).toBe(expected);
          const after = await prisma.statusReport.findUniqueOrThrow({ where: { id: ref.id } });
          if (expected === A) {
            expect(after.state).toBe(RESULT_STATE[action] ?? state);
            expect(await prisma.auditEntry.count({ where: { entityType: "StatusReport" } })).toBe(auditBefore + 1);
          } else {
            expect(after.state).toBe(state);
            expect(after.version).toBe(ref.version);
            expect(await prisma.auditEntry.count({ where: { entityType: "StatusReport" } })).toBe(auditBefore);
          }
        }
    expect(seen.length).toBe(5 * 4 * 7);
  }, 120_000);

  it("runs the cycle: draft, submit, return with comment, fix, resubmit, publish; the published report ignores later edits", async () => {
    const prisma = database().prisma;
    const periodId = "2026-10";
    const draft = await createReportDraft({ viewer: v.assignedManager, slug: "rq", input: { periodId } });
    expect(draft).toMatchObject({ ok: true, data: { state: "DRAFT", reportVersion: 1 } });
    if (!draft.ok) return;
    const again = await createReportDraft({ viewer: v.assignedManager, slug: "rq", input: { periodId } });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // pre-filled from the current data
    const pre = await getReport({ viewer: v.assignedManager, reportId: draft.data.id });
    expect(pre!.snapshot).toMatchObject({ overview: { nameEn: "Second Project", health: "AT_RISK" }, milestones: { milestones: [] } });

    const saved = await saveReportNarrative({
      viewer: v.assignedManager,
      reportId: draft.data.id,
      input: { version: 1, narrative: { summaryEn: "Steady month", summaryZh: "本月平稳" } },
    });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await saveReportNarrative({
      viewer: v.assignedManager,
      reportId: draft.data.id,
      input: { version: 1, narrative: { summaryEn: "Overwrite" } },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const submitted = await submitReport({ viewer: v.assignedManager, reportId: draft.data.id, input: { version: 2 } });
    expect(submitted).toMatchObject({ ok: true, data: { state: "SUBMITTED", version: 3 } });
    const noComment = await returnReport({ viewer: v.pmo, reportId: draft.data.id, input: { version: 3, comment: "  " } });
    expect(noComment).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", fields: { comment: { key: "reportReturnComment" } } } });
    const returned = await returnReport({ viewer: v.pmo, reportId: draft.data.id, input: { version: 3, comment: "Explain the delay" } });
    expect(returned).toMatchObject({ ok: true, data: { state: "RETURNED" } });
    const seen = await getReport({ viewer: v.assignedManager, reportId: draft.data.id });
    expect(seen).toMatchObject({ state: "RETURNED", returnComment: "Explain the delay", returnedByName: "pmo" });
    // the manager is told, in the app and by e-mail (through the outbox)
    const note = await prisma.notification.findFirst({ where: { userId: v.assignedManager.id, kind: "reportReturned" } });
    expect(note?.params).toMatchObject({ comment: "Explain the delay", period: periodId });
    expect(
      await prisma.outboxMessage.count({
        where: {
          channel: "email",
          topic: "notification.reportReturned",
          AND: [{ payload: { path: ["to"], equals: v.assignedManager.email } }, { payload: { path: ["params", "period"], equals: periodId } }],
        },
      }),
    ).toBe(1);

    await saveReportNarrative({
      viewer: v.assignedManager,
      reportId: draft.data.id,
      input: { version: 4, narrative: { summaryEn: "Delay explained", summaryZh: "已说明延误" } },
    });
    await submitReport({ viewer: v.assignedManager, reportId: draft.data.id, input: { version: 5 } });
    await prisma.projectFollower.create({
      data: { projectId: (await prisma.project.findUniqueOrThrow({ where: { slug: "rq" } })).id, userId: v.executive.id },
    });
    const published = await publishReport({ viewer: v.pmo, reportId: draft.data.id, input: { version: 6 } });
    expect(published).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
    const frozen = await getReport({ viewer: v.executive, reportId: draft.data.id });
    expect(frozen!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.notification.count({ where: { userId: v.executive.id, kind: "reportPublished" } })).toBe(1);
    expect(
      (await prisma.auditEntry.findMany({ where: { entityId: draft.data.id }, orderBy: { at: "asc" }, select: { action: true } })).map((a) => a.action),
    ).toEqual(["report.create", "report.edit", "report.submit", "report.return", "report.edit", "report.submit", "report.publish"]);

    // The project changes afterwards: the published report does not.
    await prisma.project.update({ where: { slug: "rq" }, data: { health: "OFF_TRACK", progressPercent: 99 } });
    const later = await getReport({ viewer: v.executive, reportId: draft.data.id });
    expect(later!.snapshot).toEqual(frozen!.snapshot);
    expect(later!.contentHash).toBe(frozen!.contentHash);
    expect((later!.snapshot.overview as { health: string }).health).toBe("AT_RISK");

    const history = await listProjectReports({ viewer: null, slug: "rq" });
    expect(history).toMatchObject([{ periodId, state: "PUBLISHED", by: "pmo" }]);
  });

  it("keeps a published report final: refused by the app and by the database", async () => {
    const prisma = database().prisma;
    const ref = await reportIn("SUBMITTED");
    await prisma.statusReport.update({
      where: { id: ref.id },
      data: { snapshot: { overview: { health: "ON_TRACK", progressPercent: 5 }, milestones: { milestones: [] } } },
    });
    const p = await publishReport({ viewer: v.admin, reportId: ref.id, input: { version: ref.version } });
    expect(p.ok).toBe(true);
    const edit = await saveReportNarrative({ viewer: v.admin, reportId: ref.id, input: { version: ref.version + 1, narrative: {} } });
    expect(edit).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await expect(prisma.statusReport.update({ where: { id: ref.id }, data: { returnComment: "sneaky" } })).rejects.toThrow(/published and cannot change/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "StatusReport" SET "narrative" = '{}' WHERE "id" = '${ref.id}'`)).rejects.toThrow(
      /published and cannot change/,
    );
    await expect(prisma.statusReport.delete({ where: { id: ref.id } })).rejects.toThrow(/published and cannot change/);
    expect(await prisma.reportFigure.count({ where: { reportId: ref.id } })).toBe(4);
    await expect(prisma.reportFigure.create({ data: { reportId: ref.id, key: "x", value: 1 } })).rejects.toThrow(/cannot change/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "ReportFigure" WHERE "reportId" = '${ref.id}'`)).rejects.toThrow(/cannot change/);
    await expect(prisma.reportFigure.updateMany({ where: { reportId: ref.id }, data: { value: 2 } })).rejects.toThrow(/cannot change/);
    expect((await prisma.statusReport.findUniqueOrThrow({ where: { id: ref.id } })).returnComment).toBeNull();
    expect(await prisma.reportFigure.count({ where: { reportId: ref.id } })).toBe(4);
    // a draft is not final
    const draft = await reportIn("DRAFT");
    await prisma.statusReport.update({ where: { id: draft.id }, data: { returnComment: "fine" } });
  });

  it("corrects a published report by a superseding version with a reason; both stay readable; the pack counts the correction", async () => {
    const prisma = database().prisma;
    const periodId = "2026-09";
    await prisma.project.update({ where: { slug: "rr" }, data: { progressPercent: 10 } });
    const d = await createReportDraft({ viewer: v.assignedManager, slug: "rr", input: { periodId } });
    if (!d.ok) throw new Error("setup");
    await submitReport({ viewer: v.assignedManager, reportId: d.data.id, input: { version: 1 } });
    await publishReport({ viewer: v.pmo, reportId: d.data.id, input: { version: 2 } });
    const noReason = await supersedeReport({ viewer: v.assignedManager, reportId: d.data.id, input: { reason: "" } });
    expect(noReason).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    await prisma.project.update({ where: { slug: "rr" }, data: { progressPercent: 40 } });
    const c = await supersedeReport({ viewer: v.assignedManager, reportId: d.data.id, input: { reason: "Progress was 40 %, not 0" } });
    expect(c).toMatchObject({ ok: true, data: { state: "DRAFT", reportVersion: 2 } });
    if (!c.ok) return;
    expect(await supersedeReport({ viewer: v.assignedManager, reportId: d.data.id, input: { reason: "again" } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    // until the correction is published the pack shows version 1
    expect((await getReportPack({ viewer: null, periodId })).groups.flatMap((g) => g.reports).map((r) => r.reportVersion)).toEqual([1]);
    await submitReport({ viewer: v.assignedManager, reportId: c.data.id, input: { version: 1 } });
    await publishReport({ viewer: v.pmo, reportId: c.data.id, input: { version: 2 } });
    const pack = await getReportPack({ viewer: null, periodId });
    expect(pack.groups.flatMap((g) => g.reports).map((r) => [r.reportVersion, r.progressPercent])).toEqual([[2, 40]]);
    // the superseded version's figures are not counted
    expect(pack.figures.find((f) => f.key === "overview.progressPercent")?.sum).toBe("40");
    expect(pack.published).toBe(1);
    const old = await getReport({ viewer: null, reportId: d.data.id });
    const neu = await getReport({ viewer: null, reportId: c.data.id });
    expect(old).toMatchObject({ state: "PUBLISHED", supersededBy: { id: c.data.id, reportVersion: 2, state: "PUBLISHED" } });
    expect(neu).toMatchObject({ state: "PUBLISHED", supersedes: { id: d.data.id }, supersedeReason: "Progress was 40 %, not 0" });
    expect(neu!.contentHash).not.toBe(old!.contentHash);
    expect((await listProjectReports({ viewer: null, slug: "rr" })).map((l) => [l.reportVersion, l.state, l.supersededByPublished])).toEqual([
      [2, "PUBLISHED", false],
      [1, "PUBLISHED", true],
    ]);
  });

  it("computes what changed since the last published report", async () => {
    const prisma = database().prisma;
    const project = await prisma.project.findUniqueOrThrow({ where: { slug: "rp" } });
    const day = (s: string) => new Date(`${s}T00:00:00Z`);
    const ms = async (title: string, data: Partial<Prisma.MilestoneUncheckedCreateInput>) =>
      prisma.milestone.create({ data: { projectId: project.id, title, ...data } });
    await prisma.project.update({
      where: { id: project.id },
      data: { health: "ON_TRACK", stage: "CONSTRUCTION", forecastFinish: day("2027-06-01"), forecastFinishPrecision: "MONTH" },
    });
    const slip = await ms("Slips", { forecastDate: day("2026-12-01"), forecastPrecision: "DAY", baselineDate: day("2026-12-01"), baselinePrecision: "DAY" });
    const pull = await ms("Pulled in", { forecastDate: day("2027-03-01"), forecastPrecision: "DAY" });
    const done = await ms("Done", { forecastDate: day("2026-11-01"), forecastPrecision: "DAY" });
    const miss = await ms("Missed", { forecastDate: day("2026-11-15"), forecastPrecision: "DAY" });
    await ms("Unchanged", { forecastDate: day("2027-01-01"), forecastPrecision: "DAY" });

    const publish = async (periodId: string) => {
      const d = await createReportDraft({ viewer: v.admin, slug: "rp", input: { periodId } });
      if (!d.ok) throw new Error(JSON.stringify(d.error));
      await submitReport({ viewer: v.admin, reportId: d.data.id, input: { version: 1 } });
      const p = await publishReport({ viewer: v.admin, reportId: d.data.id, input: { version: 2 } });
      if (!p.ok) throw new Error(JSON.stringify(p.error));
      return (await getReport({ viewer: null, reportId: d.data.id }))!;
    };
    const first = await publish("2030-01");
    // the first report has no previous one to compare with... except set-up reports; none of those are published before 2030 for rp with data
    const firstKinds = first.changes.map((c) => c.kind);
    expect(firstKinds.every((k) => typeof k === "string")).toBe(true);

    await prisma.project.update({ where: { id: project.id }, data: { health: "OFF_TRACK", stage: "COMMISSIONING", forecastFinish: day("2027-09-01") } });
    await prisma.milestone.update({ where: { id: slip.id }, data: { forecastDate: day("2027-02-01") } });
    await prisma.milestone.update({ where: { id: pull.id }, data: { forecastDate: day("2027-01-15") } });
    await prisma.milestone.update({ where: { id: done.id }, data: { state: "ACHIEVED", actualDate: day("2026-11-03"), actualPrecision: "DAY" } });
    await prisma.milestone.update({ where: { id: miss.id }, data: { state: "MISSED" } });
    const second = await publish("2030-02");
    const byKind = Object.fromEntries(second.changes.map((c) => [`${c.kind}:${c.params.milestone ?? ""}`, c]));
    expect(Object.keys(byKind).sort()).toEqual([
      "forecastFinishMoved:",
      "healthMoved:",
      "milestoneAchieved:Done",
      "milestoneMissed:Missed",
      "milestonePulledIn:Pulled in",
      "milestoneSlipped:Slips",
      "stageMoved:",
    ]);
    expect(byKind["healthMoved:"]).toMatchObject({ severity: "bad", params: { from: "ON_TRACK", to: "OFF_TRACK" } });
    expect(byKind["stageMoved:"]).toMatchObject({ params: { from: "CONSTRUCTION", to: "COMMISSIONING" } });
    expect(byKind["forecastFinishMoved:"]).toMatchObject({ severity: "bad", params: { from: "2027-06-01", to: "2027-09-01", days: 92 } });
    expect(byKind["milestoneSlipped:Slips"]).toMatchObject({ severity: "bad", params: { days: 62 } });
    expect(byKind["milestonePulledIn:Pulled in"]).toMatchObject({ severity: "good", params: { days: -45 } });
    expect(byKind["milestoneAchieved:Done"]).toMatchObject({ params: { on: "2026-11-03" } });

    // nothing changed: no headline
    const third = await publish("2030-03");
    expect(third.changes).toEqual([]);
    // health recovers: a good move
    await prisma.project.update({ where: { id: project.id }, data: { health: "AT_RISK" } });
    expect((await publish("2030-04")).changes).toMatchObject([{ kind: "healthMoved", severity: "good" }]);
  });

  it("sums the pack's figures from its published reports only, reproducibly", async () => {
    const prisma = database().prisma;
    const periodId = "2031-05";
    const slugs = ["rp", "rq", "rr"];
    await prisma.project.update({ where: { slug: "rp" }, data: { progressPercent: 10 } });
    await prisma.project.update({ where: { slug: "rq" }, data: { progressPercent: 25 } });
    await prisma.project.update({ where: { slug: "rr" }, data: { progressPercent: 70 } });
    const ids: string[] = [];
    for (const slug of slugs) {
      const d = await createReportDraft({ viewer: v.admin, slug, input: { periodId } });
      if (!d.ok) throw new Error("setup");
      ids.push(d.data.id);
      await submitReport({ viewer: v.admin, reportId: d.data.id, input: { version: 1 } });
    }
    // rr stays submitted: not in the figures, listed as not reported
    for (const id of ids.slice(0, 2)) await publishReport({ viewer: v.admin, reportId: id, input: { version: 2 } });
    const pack = await getReportPack({ viewer: null, periodId, today: new Date("2031-06-20T00:00:00Z") });
    expect(pack.published).toBe(2);
    expect(pack.notReported).toMatchObject([{ slug: "rr", state: "SUBMITTED", overdue: true }]);
    const expected = new Map<string, Prisma.Decimal>();
    for (const id of ids.slice(0, 2))
      for (const f of await prisma.reportFigure.findMany({ where: { reportId: id } }))
        expected.set(`${f.key}|${f.currency}`, (expected.get(`${f.key}|${f.currency}`) ?? new Prisma.Decimal(0)).plus(f.value));
    expect(Object.fromEntries(pack.figures.map((f) => [`${f.key}|${f.currency}`, f.sum]))).toEqual(
      Object.fromEntries([...expected].map(([k, d]) => [k, d.toString()])),
    );
    expect(pack.figures.find((f) => f.key === "overview.progressPercent")?.sum).toBe("35");
    // the live data moves on; the pack does not
    await prisma.project.updateMany({ where: { slug: { in: slugs } }, data: { progressPercent: 100, health: "OFF_TRACK" } });
    const later = await getReportPack({ viewer: null, periodId, today: new Date("2031-06-20T00:00:00Z") });
    expect(later.figures).toEqual(pack.figures);
    expect(later.healthCounts).toEqual(pack.healthCounts);
  });

  it("rejects bad input and changes nothing", async () => {
    const prisma = database().prisma;
    const before = await prisma.statusReport.count();
    for (const input of [{ periodId: "2026-13" }, { periodId: "October" }, {}, { periodId: "2026-10", extra: 1 }]) {
      const r = await createReportDraft({ viewer: v.admin, slug: "rp", input });
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
    expect(await createReportDraft({ viewer: v.admin, slug: "nope", input: { periodId: "2026-10" } })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await submitReport({ viewer: v.admin, reportId: "not-a-uuid", input: { version: 1 } })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const ref = await reportIn("DRAFT");
    const long = await saveReportNarrative({ viewer: v.admin, reportId: ref.id, input: { version: ref.version, narrative: { summaryEn: "x".repeat(4001) } } });
    expect(long).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await prisma.statusReport.count()).toBe(before + 1);
  });
});
