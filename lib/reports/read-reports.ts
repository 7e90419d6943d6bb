import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { BusinessLine, Health, ReportState } from "../db/generated/enums";
import { projectReadScope } from "../projects/project-scope";
import { dueDate } from "./periods";
import { reportingRuleFor } from "./reporting-rules";
import type { Narrative } from "./report.validation";
import type { Snapshot } from "./snapshot/capture";
import type { ReportChange } from "./snapshot/types";

export interface ReportHistoryLine {
  id: string;
  periodId: string;
  reportVersion: number;
  state: ReportState;
  supersededByPublished: boolean;
  by: string | null;
  at: string;
  changeCount: number;
  returnComment: string | null;
}

export interface ReportView {
  id: string;
  project: { slug: string; nameEn: string; nameZh: string | null };
  periodId: string;
  reportVersion: number;
  state: ReportState;
  version: number;
  narrative: Narrative;
  snapshot: Snapshot;
  changes: ReportChange[];
  contentHash: string | null;
  returnComment: string | null;
  supersedes: { id: string; reportVersion: number } | null;
  supersedeReason: string | null;
  supersededBy: { id: string; reportVersion: number; state: ReportState } | null;
  createdByName: string;
  submittedAt: string | null;
  submittedByName: string | null;
  returnedAt: string | null;
  returnedByName: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  managedByViewer: boolean;
}

/** The project page's report history: every report version, newest period first. */
export async function listProjectReports({ viewer, slug }: { viewer: Viewer | null; slug: string }): Promise<ReportHistoryLine[]> {
  const prisma = await db();
  const rows = await prisma.statusReport.findMany({
    where: { project: { slug, ...projectReadScope(viewer) } },
    orderBy: [{ periodId: "desc" }, { reportVersion: "desc" }],
    select: { id: true, periodId: true, reportVersion: true, state: true, changeCount: true, returnComment: true, createdByName: true, createdAt: true, submittedByName: true, submittedAt: true, returnedByName: true, returnedAt: true, publishedByName: true, publishedAt: true, supersededBy: { select: { state: true } } },
  });
  return rows.map((r) => {
    const [by, at] =
      r.state === "PUBLISHED" ? [r.publishedByName, r.publishedAt] : r.state === "RETURNED" ? [r.returnedByName, r.returnedAt] : r.state === "SUBMITTED" ? [r.submittedByName, r.submittedAt] : [r.createdByName, r.createdAt];
    return { id: r.id, periodId: r.periodId, reportVersion: r.reportVersion, state: r.state, supersededByPublished: r.supersededBy?.state === "PUBLISHED", by, at: (at ?? r.createdAt).toISOString(), changeCount: r.changeCount, returnComment: r.returnComment };
  });
}

/** One report, as stored (a published one exactly as it was published). Null outside the reader's scope. */
export async function getReport({ viewer, reportId }: { viewer: Viewer | null; reportId: string }): Promise<ReportView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null;
  const prisma = await db();
  const r = await prisma.statusReport.findFirst({
    where: { id: reportId, project: projectReadScope(viewer) },
    include: {
      project: { select: { slug: true, nameEn: true, nameZh: true, managers: viewer ? { where: { userId: viewer.id }, select: { userId: true } } : { where: { userId: "" }, select: { userId: true } } } },
      supersedes: { select: { id: true, reportVersion: true } },
      supersededBy: { select: { id: true, reportVersion: true, state: true } },
    },
  });
  if (!r) return null;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id,
    project: { slug: r.project.slug, nameEn: r.project.nameEn, nameZh: r.project.nameZh },
    periodId: r.periodId,
    reportVersion: r.reportVersion,
    state: r.state,
    version: r.version,
    narrative: r.narrative as Narrative,
    snapshot: (r.snapshot ?? {}) as Snapshot,
    changes: (r.changes ?? []) as unknown as ReportChange[],
    contentHash: r.contentHash,
    returnComment: r.returnComment,
    supersedes: r.supersedes,
    supersedeReason: r.supersedeReason,
    supersededBy: r.supersededBy,
    createdByName: r.createdByName,
    submittedAt: iso(r.submittedAt),
    submittedByName: r.submittedByName,
    returnedAt: iso(r.returnedAt),
    returnedByName: r.returnedByName,
    publishedAt: iso(r.publishedAt),
    publishedByName: r.publishedByName,
    managedByViewer: r.project.managers.length > 0,
  };
}

export interface PackReport {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  businessLine: BusinessLine | null;
  health: Health | null;
  progressPercent: number | null;
  reportVersion: number;
  publishedAt: string;
  changes: ReportChange[];
  narrative: Narrative;
}

export interface NotReported {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  businessLine: BusinessLine;
  /** the latest report's state, or "MISSING" */
  state: ReportState | "MISSING";
  /** since when it is in that state (a missing report: since the due date) */
  since: string;
  overdue: boolean;
}

export interface PackGroup {
  /** the grouping key; business line today, "subsidiary / business line" once the organization tree lands */
  key: string;
  reports: PackReport[];
}

export interface PackFigure {
  key: string;
  currency: string;
  sum: string;
}

export interface ReportPack {
  periodId: string;
  dueOn: string;
  groups: PackGroup[];
  notReported: NotReported[];
  figures: PackFigure[];
  healthCounts: Partial<Record<Health, number>>;
  published: number;
  inScope: number;
}

/**
 * How the pack groups its reports. The organization tree (issue 11) adds the
 * subsidiary in front of the business line here, in one place.
 */
export function packGroupKey(r: { businessLine: BusinessLine | null }): string {
  return r.businessLine ?? "UNKNOWN";
}

/**
 * The report pack of a period for the reader's scope: published reports only
 * (so the same pack opened next year shows the same numbers), grouped; the
 * projects that have not reported, with their state and since when; the
 * portfolio figures summed from the published reports' figures.
 */
export async function getReportPack({ viewer, periodId, businessLine, today = new Date() }: { viewer: Viewer | null; periodId: string; businessLine?: BusinessLine; today?: Date }): Promise<ReportPack> {
  const prisma = await db();
  const projectWhere: Prisma.ProjectWhereInput = { ...projectReadScope(viewer), ...(businessLine ? { businessLine } : {}) };
  // Every published version of the period; a correction replaces the version it supersedes (same project
  // and period, so in the same scope): dropped below, and its figures subtracted. Cheaper than a
  // NOT EXISTS per row, and corrections are rare.
  const reportWhere: Prisma.StatusReportWhereInput = { state: "PUBLISHED", periodId, project: projectWhere };
  const [allPublished, figureSums, inScope, open, rule] = await Promise.all([
    prisma.statusReport.findMany({
      where: reportWhere,
      orderBy: [{ businessLine: "asc" }, { project: { nameSortKey: "asc" } }],
      select: { id: true, supersedesId: true, businessLine: true, health: true, progressPercent: true, reportVersion: true, publishedAt: true, changes: true, narrative: true, projectId: true, project: { select: { slug: true, nameEn: true, nameZh: true } } },
    }),
    prisma.reportFigure.groupBy({ by: ["key", "currency"], where: { report: reportWhere }, _sum: { value: true }, orderBy: [{ key: "asc" }, { currency: "asc" }] }),
    prisma.project.count({ where: projectWhere }),
    prisma.project.findMany({
      where: { ...projectWhere, reports: { none: { periodId, state: "PUBLISHED" } } },
      orderBy: { nameSortKey: "asc" },
      select: { slug: true, nameEn: true, nameZh: true, businessLine: true, reports: { where: { periodId }, orderBy: { reportVersion: "desc" }, take: 1, select: { state: true, updatedAt: true } } },
    }),
    reportingRuleFor(prisma, null),
  ]);
  const superseded = new Set(allPublished.map((r) => r.supersedesId).filter((id): id is string => id !== null));
  const published = superseded.size ? allPublished.filter((r) => !superseded.has(r.id)) : allPublished;
  const sums = new Map(figureSums.map((f) => [`${f.key}\u0000${f.currency}`, { key: f.key, currency: f.currency, sum: f._sum.value ?? new Prisma.Decimal(0) }]));
  if (superseded.size) {
    const minus = await prisma.reportFigure.groupBy({ by: ["key", "currency"], where: { reportId: { in: [...superseded] } }, _sum: { value: true } });
    for (const f of minus) {
      const k = `${f.key}\u0000${f.currency}`;
      const cur = sums.get(k);
      if (cur) cur.sum = cur.sum.minus(f._sum.value ?? 0);
    }
  }
  const figures = [...sums.values()];
  const due = dueDate(periodId, rule);
  const groups = new Map<string, PackReport[]>();
  const healthCounts: Partial<Record<Health, number>> = {};
  for (const r of published) {
    const row: PackReport = {
      id: r.id,
      slug: r.project.slug,
      nameEn: r.project.nameEn,
      nameZh: r.project.nameZh,
      businessLine: r.businessLine,
      health: r.health,
      progressPercent: r.progressPercent,
      reportVersion: r.reportVersion,
      publishedAt: r.publishedAt!.toISOString(),
      changes: (r.changes ?? []) as unknown as ReportChange[],
      narrative: r.narrative as Narrative,
    };
    const key = packGroupKey(r);
    groups.set(key, [...(groups.get(key) ?? []), row]);
    if (r.health) healthCounts[r.health] = (healthCounts[r.health] ?? 0) + 1;
  }
  const overdue = today.getTime() > due.getTime();
  return {
    periodId,
    dueOn: due.toISOString().slice(0, 10),
    groups: [...groups].map(([key, reports]) => ({ key, reports })),
    notReported: open.map((p) => {
      const last = p.reports[0];
      return { slug: p.slug, nameEn: p.nameEn, nameZh: p.nameZh, businessLine: p.businessLine, state: last?.state ?? "MISSING", since: (last?.updatedAt ?? due).toISOString(), overdue };
    }),
    figures: figures.map((f) => ({ key: f.key, currency: f.currency, sum: f.sum.toString() })),
    healthCounts,
    published: published.length,
    inScope,
  };
}
