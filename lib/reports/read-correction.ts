import "server-only";
import type { Viewer } from "../auth/session";
import { correctionDiff, type CorrectionChange } from "./correction-diff";
import { getReport, type ReportView } from "./read-reports";

export interface CorrectionComparison {
  older: Pick<ReportView, "id" | "reportVersion" | "state" | "publishedAt" | "publishedByName">;
  newer: Pick<ReportView, "id" | "reportVersion" | "state" | "publishedAt" | "publishedByName">;
  reason: string;
  changes: CorrectionChange[];
}

/**
 * A correction beside the version it supersedes: what it changed, with its
 * reason. On the correction's page always (the reviewer sees what it would
 * change); on the superseded version's page once the correction is published.
 * Null for a report that is neither, or whose other version the reader may not see.
 */
export async function getCorrectionComparison({ viewer, report }: { viewer: Viewer | null; report: ReportView }): Promise<CorrectionComparison | null> {
  let older: ReportView | null = null;
  let newer: ReportView | null = null;
  if (report.supersedes) {
    older = await getReport({ viewer, reportId: report.supersedes.id });
    newer = report;
  } else if (report.supersededBy?.state === "PUBLISHED") {
    older = report;
    newer = await getReport({ viewer, reportId: report.supersededBy.id });
  }
  if (!older || !newer) return null;
  const pick = (r: ReportView) => ({
    id: r.id,
    reportVersion: r.reportVersion,
    state: r.state,
    publishedAt: r.publishedAt,
    publishedByName: r.publishedByName,
  });
  return { older: pick(older), newer: pick(newer), reason: newer.supersedeReason ?? "", changes: correctionDiff(older, newer) };
}
