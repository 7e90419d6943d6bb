import { forbidden, notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { StartReport } from "@/components/reports/report-actions";
import { can } from "@/lib/auth/permissions";
import { requireReader } from "@/lib/auth/session";
import { getProjectPermissions } from "@/lib/projects/project-permissions";
import { currentReportingPeriod, isPeriodId } from "@/lib/reports/periods";
import { listProjectReports } from "@/lib/reports/read-reports";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ period?: string }> };

/** Start a period's report (or open it, when it exists already). */
export default async function NewReportPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { period } = await searchParams;
  const periodId = period && isPeriodId(period) ? period : currentReportingPeriod(new Date());
  const viewer = await requireReader(`/projects/${encodeURIComponent(slug)}/reports/new?period=${periodId}`);
  const lines = await listProjectReports({ viewer, slug });
  const existing = lines.find((l) => l.periodId === periodId);
  if (existing) redirect(`/projects/${slug}/reports/${existing.id}`);
  const permissions = await getProjectPermissions({ slug, viewer });
  // A project outside the reader's scope is unknown (404); one they read but may not report on: 403.
  if (!can(viewer, "report:edit", { managedByViewer: permissions.canUpdate })) {
    if (permissions.readOnly) forbidden();
    notFound();
  }
  const t = await getTranslations("reports.start");
  return (
    <ClientMessages route="projects/[slug]/reports/new">
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title", { period: periodId })}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <StartReport slug={slug} periodId={periodId} />
      </div>
    </ClientMessages>
  );
}
