import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import type { BusinessLine } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import { projectReadScope } from "../projects/project-scope";
import { dueDate } from "./periods";
import { reportingRuleFor } from "./reporting-rules";

export interface ComplianceRow {
  /** business line today; the organization tree makes this the subsidiary (see packGroupKey) */
  key: BusinessLine;
  total: number;
  reported: number;
  submitted: number;
  /** neither published nor submitted: still due, or overdue once the due date has passed */
  open: number;
}

export interface Compliance {
  periodId: string;
  dueOn: string;
  overdue: boolean;
  rows: ComplianceRow[];
  totals: Omit<ComplianceRow, "key">;
}

/**
 * Reported / submitted / due or overdue per group for a period, for the
 * reader's scope: three grouped counts, no rows loaded.
 */
export async function getReportingCompliance({ viewer, periodId, today = new Date() }: { viewer: Viewer | null; periodId: string; today?: Date }): Promise<Compliance> {
  const prisma = await db();
  const scope: Prisma.ProjectWhereInput = projectReadScope(viewer);
  const [all, published, submitted, rule] = await Promise.all([
    prisma.project.groupBy({ by: ["businessLine"], where: scope, _count: { _all: true } }),
    prisma.project.groupBy({ by: ["businessLine"], where: { AND: [scope, { reports: { some: { periodId, state: "PUBLISHED" } } }] }, _count: { _all: true } }),
    prisma.project.groupBy({ by: ["businessLine"], where: { AND: [scope, { reports: { some: { periodId, state: "SUBMITTED" }, none: { periodId, state: "PUBLISHED" } } }] }, _count: { _all: true } }),
    reportingRuleFor(prisma, null),
  ]);
  const count = (rows: { businessLine: BusinessLine; _count: { _all: number } }[], k: BusinessLine) => rows.find((r) => r.businessLine === k)?._count._all ?? 0;
  const rows = all
    .map((a) => {
      const reported = count(published, a.businessLine);
      const sub = count(submitted, a.businessLine);
      return { key: a.businessLine, total: a._count._all, reported, submitted: sub, open: a._count._all - reported - sub };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  const due = dueDate(periodId, rule);
  const totals = rows.reduce((s, r) => ({ total: s.total + r.total, reported: s.reported + r.reported, submitted: s.submitted + r.submitted, open: s.open + r.open }), { total: 0, reported: 0, submitted: 0, open: 0 });
  return { periodId, dueOn: due.toISOString().slice(0, 10), overdue: today.getTime() > due.getTime(), rows, totals };
}
