import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ReportCorrection, ReportEditor, ReportFlash, ReportReview } from "@/components/reports/report-actions";
import { CorrectionComparison } from "@/components/reports/correction-comparison";
import { ReportDocument } from "@/components/reports/report-document";
import { can } from "@/lib/auth/permissions";
import { requireReader } from "@/lib/auth/session";
import { getCorrectionComparison } from "@/lib/reports/read-correction";
import { getReport } from "@/lib/reports/read-reports";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string; reportId: string }> };

export default async function ReportPage({ params }: Props) {
  await connection();
  const { slug, reportId } = await params;
  const viewer = await requireReader(`/projects/${encodeURIComponent(slug)}/reports/${encodeURIComponent(reportId)}`);
  const report = await getReport({ viewer, reportId });
  if (!report || report.project.slug !== slug) notFound();
  const comparison = await getCorrectionComparison({ viewer, report });
  const scope = { managedByViewer: report.managedByViewer };
  const editable = report.state === "DRAFT" || report.state === "RETURNED";
  return (
    <ClientMessages route="projects/[slug]/reports/[reportId]">
      <div className="space-y-6">
        {comparison && <CorrectionComparison comparison={comparison} slug={slug} />}
        <ReportDocument report={report} />
        <ReportFlash />
        {editable && can(viewer, "report:edit", scope) && (
          <ReportEditor reportId={report.id} version={report.version} narrative={report.narrative} canSubmit={can(viewer, "report:submit", scope)} />
        )}
        {report.state === "SUBMITTED" && can(viewer, "report:publish") && <ReportReview reportId={report.id} version={report.version} />}
        {report.state === "PUBLISHED" && !report.supersededBy && can(viewer, "report:edit", scope) && <ReportCorrection reportId={report.id} slug={slug} />}
      </div>
    </ClientMessages>
  );
}
