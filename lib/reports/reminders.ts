import type { PrismaClient } from "../db/generated/client";
import { notifyUsers, type NotificationKind } from "../notifications/notify";
import { currentReportingPeriod, dueDate, reminderStage, type ReminderStage } from "./periods";
import { reportingRuleFor } from "./reporting-rules";

export interface SweepResult {
  periodId: string;
  stage: ReminderStage;
  unreported: number;
  notified: number;
}

const MANAGER_KIND: Partial<Record<ReminderStage, NotificationKind>> = { remind: "reportReminder", due: "reportOverdueManager", "escalate-pmo": "reportOverdueManager", "escalate-group": "reportOverdueManager" };

/**
 * The reminder ladder for the period being reported: before the due date the
 * managers of projects that have not submitted are reminded; after it they
 * are told it is overdue; after the PMO grace period the PMO gets one digest;
 * after the group grace period the group (admins) does. Every message has a
 * dedupe key, so running the sweep again, or on two instances at once, tells
 * nobody twice.
 */
export async function runReminderSweep(prisma: PrismaClient, today = new Date()): Promise<SweepResult> {
  const periodId = currentReportingPeriod(today);
  const rule = await reportingRuleFor(prisma, null);
  const stage = reminderStage(periodId, rule, today);
  if (stage === "none") return { periodId, stage, unreported: 0, notified: 0 };
  const due = dueDate(periodId, rule).toISOString().slice(0, 10);
  // Not yet submitted (no report, a draft, or returned): submitted ones wait on the PMO, not the manager.
  const unreported = await prisma.project.findMany({
    where: { reports: { none: { periodId, state: { in: ["SUBMITTED", "PUBLISHED"] } } } },
    select: { id: true, slug: true, nameEn: true, nameZh: true, managers: { select: { userId: true } } },
    orderBy: { nameSortKey: "asc" },
  });
  let notified = 0;
  const managerKind = MANAGER_KIND[stage]!;
  const rung = stage === "remind" ? "remind" : "overdue";
  for (const p of unreported) {
    if (!p.managers.length) continue;
    notified += (
      await prisma.$transaction((tx) =>
        notifyUsers(tx, {
          userIds: p.managers.map((m) => m.userId),
          kind: managerKind,
          params: { project: p.nameEn, projectZh: p.nameZh, slug: p.slug, period: periodId, due },
          link: `/projects/${p.slug}/reports/new?period=${periodId}`,
          email: true,
          dedupeKey: `report-${rung}:${periodId}:${p.id}`,
        }),
      )
    ).length;
  }
  if ((stage === "escalate-pmo" || stage === "escalate-group") && unreported.length) {
    // "The unit's PMO": every PMO user today; the organization tree narrows it to the project's unit.
    const escalate = async (role: string, kind: NotificationKind, key: string) => {
      const users = await prisma.user.findMany({ where: { role }, select: { id: true } });
      notified += (
        await prisma.$transaction((tx) =>
          notifyUsers(tx, { userIds: users.map((u) => u.id), kind, params: { period: periodId, due, count: unreported.length }, link: `/reports/${periodId}`, email: true, dedupeKey: `${key}:${periodId}` }),
        )
      ).length;
    };
    await escalate("pmo", "reportEscalationPmo", "report-escalate-pmo");
    if (stage === "escalate-group") await escalate("admin", "reportEscalationGroup", "report-escalate-group");
  }
  return { periodId, stage, unreported: unreported.length, notified };
}
