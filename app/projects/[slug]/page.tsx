import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectMoneySections } from "@/components/capex/project-money-sections";
import { ProjectDetailView } from "@/components/projects/detail/project-detail-view";
import { getViewer, requireReader } from "@/lib/auth/session";
import { getCapexPermissions } from "@/lib/capex/capex-permissions";
import { getProjectCapex } from "@/lib/capex/get-project-capex";
import { getCapexReference } from "@/lib/capex/reference-data";
import { rollupCurrency } from "@/lib/capex/rollup-currency";
import { getProjectKpis } from "@/lib/kpis/get-project-kpis";
import { publicReadAllowed } from "@/lib/env";
import { localizedString } from "@/lib/i18n/bilingual";
import { countryNamer } from "@/lib/i18n/display-names";
import { getProject } from "@/lib/projects/get-project";
import { getProjectPermissions } from "@/lib/projects/project-permissions";
import { ProjectGatesSection } from "@/components/gates/project-gates-section";
import { ProjectRisksSection } from "@/components/risks/project-risks-section";
import { getProjectGates } from "@/lib/gates/gate-queries";
import { getRiskGatePermissions, listPeople } from "@/lib/risks/risk-permissions";
import { getDefaultMatrix, listProjectRisks } from "@/lib/risks/risk-queries";
import { ReportHistory } from "@/components/reports/report-history";
import { can } from "@/lib/auth/permissions";
import { currentReportingPeriod } from "@/lib/reports/periods";
import { listProjectReports } from "@/lib/reports/read-reports";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  // No project name in the tab title for a visitor who may not read it.
  const viewer = await getViewer();
  if (!viewer && !publicReadAllowed()) return {};
  const project = await getProject({ slug: (await params).slug, viewer });
  // The page then renders "not found": say so in the tab too (the page's metadata wins over not-found's).
  if (!project) return { title: (await getTranslations("notFound"))("title") };
  const locale = await getLocale();
  return {
    title: localizedString({ en: project.nameEn, zh: project.nameZh }, locale),
    description: localizedString({ en: project.summary, zh: project.summaryZh }, locale) || undefined,
  };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await requireReader(`/projects/${encodeURIComponent(slug)}`);
  const project = await getProject({ slug, viewer });
  if (!project) notFound();
  const [permissions, locale, reports, capex, kpis, capexPermissions, risks, matrix, gates, riskGatePermissions, people] = await Promise.all([
    getProjectPermissions({ slug, viewer }),
    getLocale(),
    listProjectReports({ viewer, slug }),
    getProjectCapex({ slug, viewer }),
    getProjectKpis({ slug, viewer }),
    getCapexPermissions({ slug, viewer }),
    listProjectRisks({ viewer, slug }),
    getDefaultMatrix(),
    getProjectGates({ viewer, slug }),
    getRiskGatePermissions({ slug, viewer }),
    listPeople(),
  ]);
  if (!capex || !kpis) notFound();
  const reference = capexPermissions.canEditCapex || capexPermissions.canEditKpis ? await getCapexReference() : null;
  const period = currentReportingPeriod(new Date());
  const canStart = can(viewer, "report:edit", { managedByViewer: permissions.canUpdate }) && !reports.some((r) => r.periodId === period);
  // Any control that writes: its forms' messages travel only to those who get it.
  const editing = [permissions, capexPermissions, riskGatePermissions].some((granted) => Object.values(granted).some((v) => v === true));
  return (
    <ClientMessages route="projects/[slug]" editing={editing}>
      <div className="space-y-10">
        <ProjectDetailView project={project} countryName={countryNamer(locale)(project.countryCode)} permissions={permissions} />
        <ReportHistory slug={slug} lines={reports} startPeriod={canStart ? period : null} />
        <ProjectMoneySections
          slug={slug}
          capex={capex}
          kpis={kpis}
          rollup={rollupCurrency((await searchParams).rollup, locale)}
          permissions={capexPermissions}
          reference={reference}
        />
        <ProjectRisksSection slug={slug} risks={risks} matrix={matrix} permissions={riskGatePermissions} people={people} />
        {gates && <ProjectGatesSection slug={slug} gates={gates} permissions={riskGatePermissions} people={people} />}
      </div>
    </ClientMessages>
  );
}
