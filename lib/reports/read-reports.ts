import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import type { ReportState } from "../db/generated/enums";
import { projectReadScope } from "../projects/project-scope";
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
    select: {
      id: true,
      periodId: true,
      reportVersion: true,
      state: true,
      changeCount: true,
      returnComment: true,
      createdByName: true,
      createdAt: true,
      submittedByName: true,
      submittedAt: true,
      returnedByName: true,
      returnedAt: true,
      publishedByName: true,
      publishedAt: true,
      supersededBy: { select: { state: true } },
    },
  });
  return rows.map((r) => {
    const [by, at] =
      r.state === "PUBLISHED"
        ? [r.publishedByName, r.publishedAt]
        : r.state === "RETURNED"
          ? [r.returnedByName, r.returnedAt]
          : r.state === "SUBMITTED"
            ? [r.submittedByName, r.submittedAt]
            : [r.createdByName, r.createdAt];
    return {
      id: r.id,
      periodId: r.periodId,
      reportVersion: r.reportVersion,
      state: r.state,
      supersededByPublished: r.supersededBy?.state === "PUBLISHED",
      by,
      at: (at ?? r.createdAt).toISOString(),
      changeCount: r.changeCount,
      returnComment: r.returnComment,
    };
  });
}

/** One report, as stored (a published one exactly as it was published). Null outside the reader's scope. */
export async function getReport({ viewer, reportId }: { viewer: Viewer | null; reportId: string }): Promise<ReportView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null;
  const prisma = await db();
  const r = await prisma.statusReport.findFirst({
    where: { id: reportId, project: projectReadScope(viewer) },
    include: {
      project: {
        select: {
          slug: true,
          nameEn: true,
          nameZh: true,
          managers: viewer ? { where: { userId: viewer.id }, select: { userId: true } } : { where: { userId: "" }, select: { userId: true } },
        },
      },
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

// The pack moved to its own module; these names stay importable from here.
export {
  getReportPack,
  packGroupKey,
  type NotReported,
  type PackFigure,
  type PackGroup,
  type PackReport,
  type ReportPack,
  type PackSubsidiary,
} from "./read-pack";
