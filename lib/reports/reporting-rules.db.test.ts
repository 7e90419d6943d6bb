import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { emailChannel } from "../jobs/channels/email";
import { runOnce } from "../jobs/runner";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { startSmtpSink, type SmtpSink } from "../test/smtp-sink";
import { assignManager, createViewer } from "../test/viewers";
import { getReportingCompliance } from "./compliance";
import { getReportPack } from "./read-pack";
import { runReminderSweep } from "./reminders";
import { clearReportingRule, setReportingRule } from "./reporting-rule-mutations";
import { listReportingRules, loadRuleBook } from "./reporting-rules";
import { createReportDraft, publishReport, submitReport } from "./report-workflow";

/**
 * Due dates per organization unit (the nearest unit's rule wins, else the
 * group's), set through the one audited write path; the pack groups by
 * subsidiary and business line and judges "overdue" by each project's rule;
 * the compliance card counts per subsidiary; the reminder sweep escalates to
 * the PMO of the project's own unit (not every PMO), through a real SMTP sink.
 */
describe.each(testBackends())("reporting rules per unit on %s", (backend) => {
  const database = withTestDatabase(backend);
  let admin: Viewer;
  let groupPmo: Viewer;
  let mmgPmo: Viewer;
  let mccPmo: Viewer;
  let manager: Viewer;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      orgUnits: [{ code: "MMG-LB", parentCode: "MMG", nameEn: "Las Bambas branch", currency: "USD" }],
      projects: [
        buildProject({ slug: "lb", nameEn: "Las Bambas", businessLine: "BASE_METALS", orgUnit: "MMG-LB" }),
        buildProject({ slug: "mm", nameEn: "MMG Mine", businessLine: "BASE_METALS", orgUnit: "MMG" }),
        buildProject({ slug: "mc", nameEn: "MCC Plant", businessLine: "NEW_ENERGY_MATERIALS", orgUnit: "MCC" }),
        buildProject({ slug: "gp", nameEn: "Group Project", businessLine: "BASE_METALS" }),
      ],
    });
    admin = await createViewer(prisma, "admin", "Ada Admin");
    groupPmo = await createViewer(prisma, "pmo", "Group PMO");
    mmgPmo = await createViewer(prisma, "pmo", "MMG PMO", "MMG");
    mccPmo = await createViewer(prisma, "pmo", "MCC PMO", "MCC");
    manager = await createViewer(prisma, "manager", "Mei Manager");
    for (const slug of ["lb", "mm", "mc", "gp"]) await assignManager(prisma, manager, slug);
  });
  afterAll(async () => {
    await sink.close();
  });

  it("sets the group's and a unit's rule through the audited path; refuses bad input, stale versions and non-admins", async () => {
    const prisma = database().prisma;
    // the migration writes the group default (due on the 5th)
    const group = (await listReportingRules(prisma))[0];
    expect(group).toMatchObject({ unit: "", rule: { dueDay: 5 } });
    const rowsBefore = await prisma.reportingRule.count();
    expect(
      await setReportingRule({ viewer: groupPmo, input: { unit: "", dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10, version: 0 } }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(
      await setReportingRule({ viewer: null, input: { unit: "", dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10, version: 0 } }),
    ).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    for (const bad of [{ dueDay: 0 }, { dueDay: 29 }, { remindDaysBefore: -1 }, { pmoGraceDays: 5, groupGraceDays: 4 }, { dueDay: "fifth" }]) {
      const r = await setReportingRule({
        viewer: admin,
        input: { unit: "", dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10, version: 0, ...bad },
      });
      expect(r, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
    expect(
      await setReportingRule({ viewer: admin, input: { unit: "NOPE", dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10, version: 0 } }),
    ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await prisma.reportingRule.count()).toBe(rowsBefore);
    expect(await prisma.auditEntry.count({ where: { entityType: "ReportingRule" } })).toBe(0);

    // the group: due on the 10th; MMG: due on the 3rd (its branch inherits it)
    expect(
      await setReportingRule({
        viewer: admin,
        input: { unit: "", dueDay: 10, remindDaysBefore: 2, pmoGraceDays: 2, groupGraceDays: 5, version: group.version },
      }),
    ).toEqual({ ok: true, data: { version: group.version + 1 } });
    expect(
      await setReportingRule({
        viewer: admin,
        input: { unit: "MMG", dueDay: 3, remindDaysBefore: 1, pmoGraceDays: 1, groupGraceDays: 20, version: 0, reason: "MMG closes early" },
      }),
    ).toEqual({ ok: true, data: { version: 1 } });
    // a second "new" rule for the same unit, or a stale edit, is a conflict
    expect(
      await setReportingRule({ viewer: admin, input: { unit: "MMG", dueDay: 4, remindDaysBefore: 1, pmoGraceDays: 1, groupGraceDays: 20, version: 0 } }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(
      await setReportingRule({
        viewer: admin,
        input: { unit: "", dueDay: 11, remindDaysBefore: 2, pmoGraceDays: 2, groupGraceDays: 5, version: group.version },
      }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await listReportingRules(prisma)).map((r) => [r.unit, r.rule.dueDay, r.version])).toEqual([
      ["", 10, group.version + 1],
      ["MMG", 3, 1],
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { entityType: "ReportingRule" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["reporting.rule.set", "group", admin.id],
      ["reporting.rule.set", "MMG", admin.id],
    ]);
    expect(audit[1]).toMatchObject({ reason: "MMG closes early", after: { dueDay: 3 } });

    const book = await loadRuleBook(prisma);
    expect(book.forPath("/GRP/MMG/MMG-LB/").dueDay).toBe(3);
    expect(book.forPath("/GRP/MCC/").dueDay).toBe(10);
    expect(book.forPath("/GRP/").dueDay).toBe(10);
  });

  it("groups the pack by subsidiary and business line, narrows it to a unit, and judges overdue by each project's rule", async () => {
    const periodId = "2030-01";
    for (const slug of ["lb", "mc"]) {
      const d = await createReportDraft({ viewer: manager, slug, input: { periodId } });
      if (!d.ok) throw new Error(JSON.stringify(d.error));
      await submitReport({ viewer: manager, reportId: d.data.id, input: { version: 1 } });
      expect(await publishReport({ viewer: admin, reportId: d.data.id, input: { version: 2 } })).toMatchObject({ ok: true });
    }
    // 5 February: past MMG's due date (the 3rd), before the group's (the 10th)
    const today = new Date("2030-02-05T12:00:00Z");
    const pack = await getReportPack({ viewer: null, periodId, today });
    expect(pack.groups.map((g) => [g.subsidiary?.code ?? null, g.businessLine, g.reports.map((r) => r.slug)])).toEqual([
      ["MCC", "NEW_ENERGY_MATERIALS", ["mc"]],
      ["MMG", "BASE_METALS", ["lb"]],
    ]);
    expect(pack.notReported.map((n) => [n.slug, n.subsidiary, n.dueOn, n.overdue])).toEqual([
      ["gp", null, "2030-02-10", false],
      ["mm", "MMG", "2030-02-03", true],
    ]);
    const mmg = await getReportPack({ viewer: null, periodId, unit: "MMG", today });
    expect(mmg).toMatchObject({ unit: { code: "MMG" }, dueOn: "2030-02-03", published: 1, inScope: 2 });
    expect(mmg.notReported.map((n) => n.slug)).toEqual(["mm"]);
    expect((await getReportPack({ viewer: null, periodId, unit: "NOPE", today })).inScope).toBe(0);

    const c = await getReportingCompliance({ viewer: null, periodId, today });
    expect(c.rows.map((r) => [r.code, r.total, r.reported, r.submitted, r.due, r.overdue])).toEqual([
      [null, 1, 0, 0, 1, 0],
      ["MCC", 1, 1, 0, 0, 0],
      ["MMG", 2, 1, 0, 0, 1],
    ]);
    expect(c.totals).toEqual({ total: 4, reported: 2, submitted: 0, due: 1, overdue: 1 });
  });

  it("escalates to the PMO over the project's unit only, by e-mail through the outbox, once", async () => {
    const prisma = database().prisma;
    // MMG's rule: due 2030-03-03, the PMO told a day later; the group's: due the 10th. On 2030-03-05 only MMG's projects are escalated.
    const today = new Date("2030-03-05T08:00:00Z");
    const sweep = await runReminderSweep(prisma, today);
    expect(sweep).toMatchObject({ periodId: "2030-02", stages: { "escalate-pmo": 2, none: 2 } });
    expect(await runReminderSweep(prisma, today)).toMatchObject({ notified: 0 });
    const told = async (v: Viewer) => prisma.notification.count({ where: { userId: v.id, kind: "reportEscalationPmo" } });
    // the MMG PMO and the group's PMO (pmo at the root covers MMG) — not MCC's
    expect([await told(mmgPmo), await told(groupPmo), await told(mccPmo)]).toEqual([1, 1, 0]);
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: mmgPmo.id, kind: "reportEscalationPmo" } });
    expect(note.params).toMatchObject({ period: "2030-02", count: 2, due: "2030-03-03" });
    const handlers = { email: emailChannel({ smtpUrl: sink.url, from: "Lodestone <lodestone@test.local>", baseUrl: "http://lodestone.test" }) };
    for (let i = 0; i < 20 && (await prisma.outboxMessage.count({ where: { state: "PENDING", channel: "email" } })) > 0; i++)
      await runOnce({ prisma, handlers, workerId: "w", baseBackoffMs: 5, maxBackoffMs: 10 });
    const toMmgPmo = sink.mails.filter((m) => JSON.stringify(m.to).includes(mmgPmo.email));
    expect(toMmgPmo.map((m) => m.subject)).toEqual(["[Lodestone] 2 projects have not reported for 2030-02 (due 2030-03-03)"]);
    expect(sink.mails.some((m) => JSON.stringify(m.to).includes(mccPmo.email))).toBe(false);
    // the manager was told their MMG reports are overdue, and reminded of the others (due the 10th)
    expect(
      await prisma.notification.count({ where: { userId: manager.id, kind: "reportOverdueManager", params: { path: ["period"], equals: "2030-02" } } }),
    ).toBe(2);
    expect(await prisma.notification.count({ where: { userId: manager.id, kind: "reportReminder", params: { path: ["period"], equals: "2030-02" } } })).toBe(0);
  });

  it("removes a unit's rule: it inherits the group's again", async () => {
    const prisma = database().prisma;
    expect(await clearReportingRule({ viewer: admin, input: { unit: "MMG", version: 9 } })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await clearReportingRule({ viewer: groupPmo, input: { unit: "MMG", version: 1 } })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await clearReportingRule({ viewer: admin, input: { unit: "MMG", version: 1 } })).toEqual({ ok: true, data: { cleared: true } });
    expect(await clearReportingRule({ viewer: admin, input: { unit: "MMG", version: 1 } })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await loadRuleBook(prisma)).forPath("/GRP/MMG/MMG-LB/").dueDay).toBe(10);
    expect((await prisma.auditEntry.findFirstOrThrow({ where: { action: "reporting.rule.clear" } })).before).toMatchObject({ dueDay: 3 });
  });
});
