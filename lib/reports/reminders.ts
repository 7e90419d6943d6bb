import type { Prisma, PrismaClient } from "../db/generated/client";
import { notifyUsers, type NotificationKind } from "../notifications/notify";
import { currentReportingPeriod, dueDate, reminderStage, type ReminderStage } from "./periods";
import { loadRuleBook } from "./reporting-rules";

export interface SweepResult {
  periodId: string;
  /** how many unreported projects stand at each rung of the ladder */
  stages: Partial<Record<ReminderStage, number>>;
  unreported: number;
  notified: number;
}

const MANAGER_KIND: Partial<Record<ReminderStage, NotificationKind>> = {
  remind: "reportReminder",
  due: "reportOverdueManager",
  "escalate-pmo": "reportOverdueManager",
  "escalate-group": "reportOverdueManager",
};
const ESCALATED: ReminderStage[] = ["escalate-pmo", "escalate-group"];

/** The ancestors' paths of a unit path, itself included: "/GRP/MMG/BR/" → "/GRP/", "/GRP/MMG/", "/GRP/MMG/BR/". */
function ancestorPaths(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("/")}/`);
}

/**
 * The users holding `roles` on the unit at `path` or any unit above it (a
 * role covers its unit's subtree): the unit's PMO is whoever holds pmo over it.
 */
export async function holdersOver(client: PrismaClient | Prisma.TransactionClient, path: string, roles: ("pmo" | "admin" | "executive")[]): Promise<string[]> {
  const rows = await client.roleAssignment.findMany({
    where: { role: { in: roles }, unit: { path: { in: ancestorPaths(path) } }, user: { banned: { not: true } } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * The reminder ladder for the period being reported, per project under its
 * own unit's rule (lib/reports/reporting-rules.ts): before the due date the
 * managers of projects that have not submitted are reminded; after it they
 * are told it is overdue; after the PMO grace period each PMO over the
 * project's unit gets one digest of their overdue projects; after the group
 * grace period the group (admins and executives at the root) does. Every
 * message has a dedupe key, so running the sweep again, or on two instances
 * at once, tells nobody twice.
 */
export async function runReminderSweep(prisma: PrismaClient, today = new Date()): Promise<SweepResult> {
  const periodId = currentReportingPeriod(today);
  const book = await loadRuleBook(prisma);
  // Not yet submitted (no report, a draft, or returned): submitted ones wait on the PMO, not the manager.
  const unreported = await prisma.project.findMany({
    where: { reports: { none: { periodId, state: { in: ["SUBMITTED", "PUBLISHED"] } } } },
    select: { id: true, slug: true, nameEn: true, nameZh: true, orgUnit: { select: { path: true } }, managers: { select: { userId: true } } },
    orderBy: { nameSortKey: "asc" },
  });
  const stages: Partial<Record<ReminderStage, number>> = {};
  let notified = 0;
  // PMO user → their overdue projects; the group's overdue projects
  const pmoDigest = new Map<string, { count: number; due: string }>();
  const groupDigest: { count: number; due: string | null } = { count: 0, due: null };
  const pmoCache = new Map<string, string[]>();
  for (const p of unreported) {
    const rule = book.forPath(p.orgUnit.path);
    const stage = reminderStage(periodId, rule, today);
    stages[stage] = (stages[stage] ?? 0) + 1;
    if (stage === "none") continue;
    const due = dueDate(periodId, rule).toISOString().slice(0, 10);
    const rung = stage === "remind" ? "remind" : "overdue";
    if (p.managers.length)
      notified += (
        await prisma.$transaction((tx) =>
          notifyUsers(tx, {
            userIds: p.managers.map((m) => m.userId),
            kind: MANAGER_KIND[stage]!,
            params: { project: p.nameEn, projectZh: p.nameZh, slug: p.slug, period: periodId, due },
            link: `/projects/${p.slug}/reports/new?period=${periodId}`,
            email: true,
            dedupeKey: `report-${rung}:${periodId}:${p.id}`,
          }),
        )
      ).length;
    if (!ESCALATED.includes(stage)) continue;
    let pmos = pmoCache.get(p.orgUnit.path);
    if (!pmos) pmoCache.set(p.orgUnit.path, (pmos = await holdersOver(prisma, p.orgUnit.path, ["pmo"])));
    for (const u of pmos) {
      const d = pmoDigest.get(u) ?? { count: 0, due };
      d.count += 1;
      if (due < d.due) d.due = due;
      pmoDigest.set(u, d);
    }
    if (stage === "escalate-group") {
      groupDigest.count += 1;
      if (!groupDigest.due || due < groupDigest.due) groupDigest.due = due;
    }
  }
  const digest = async (userIds: string[], kind: NotificationKind, key: string, count: number, due: string) =>
    (
      await prisma.$transaction((tx) =>
        notifyUsers(tx, {
          userIds,
          kind,
          params: { period: periodId, due, count },
          link: `/reports/${periodId}`,
          email: true,
          dedupeKey: `${key}:${periodId}`,
        }),
      )
    ).length;
  for (const [userId, d] of pmoDigest) notified += await digest([userId], "reportEscalationPmo", "report-escalate-pmo", d.count, d.due);
  if (groupDigest.count) {
    const root = await prisma.orgUnit.findFirst({ where: { parentId: null }, select: { path: true } });
    const group = root
      ? await prisma.roleAssignment.findMany({
          where: { role: { in: ["admin", "executive"] }, unit: { path: root.path }, user: { banned: { not: true } } },
          select: { userId: true },
        })
      : [];
    notified += await digest([...new Set(group.map((g) => g.userId))], "reportEscalationGroup", "report-escalate-group", groupDigest.count, groupDigest.due!);
  }
  return { periodId, stages, unreported: unreported.length, notified };
}
