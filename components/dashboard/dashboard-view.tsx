import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localizedString } from "@/lib/i18n/bilingual";
import type { ReaderScopeDescription } from "@/lib/org/org-units";
import { hasFilters, type DashboardFilters as Filters } from "@/lib/dashboard/filters";
import { unitChoices } from "@/lib/org/unit-options";
import type { UnitOption } from "@/lib/projects/types";
import { UPCOMING_DAYS } from "@/lib/dashboard/milestones";
import { PortfolioCapexCard } from "@/components/capex/portfolio-capex-card";
import { PortfolioKpiCard } from "@/components/kpis/portfolio-kpi-card";
import { NO_REGION } from "@/lib/projects/list-params";
import { AttentionProjects } from "./attention-projects";
import { BreakdownFigures } from "./breakdown-figures";
import { DashboardCard } from "./dashboard-card";
import { DashboardFilters } from "./dashboard-filters";
import { HealthFigures } from "./health-figures";
import { HealthTrend } from "./health-trend";
import { MarkVisit } from "./mark-visit";
import { LargestSlips, OverdueMilestones, UpcomingMilestones } from "./milestone-lists";
import { PortfolioMap } from "./portfolio-map";
import { PrintButton } from "./print-button";
import { RecentUpdates } from "./recent-updates";
import { RiskDashboardCards } from "@/components/risks/dashboard-risk-cards";
import { SinceLastVisit } from "./since-last-visit";
import { ComplianceCard } from "@/components/reports/compliance-card";
import { PublishedPeriodSelector } from "@/components/reports/published-period-selector";
import { getViewer } from "@/lib/auth/session";
import { currentReportingPeriod, shiftPeriod } from "@/lib/reports/periods";
import "./dashboard.css";
import { IgnoredParams } from "@/components/ui/ignored-params";

interface DashboardViewProps {
  /** Where the dashboard is served ("/" or "/dashboard"): its filters link back here. */
  basePath: string;
  filters: Filters;
  /** URL parameters that were dropped as invalid. */
  ignored: string[];
  /** YYYY-MM-DD in the portfolio's time zone. */
  today: string;
  /** The signed-in viewer's previous visit, for "since your last visit"; null hides that card. */
  since: Date | null;
  /** A signed-in viewer: their visit is recorded once the page shows. */
  signedIn: boolean;
  /** Which part of the group the reader may read: the dashboard opens on it and says so. */
  readerScope?: ReaderScopeDescription;
  /** the organization units of the reader's scope: the organization filter's choices */
  units?: UnitOption[];
}

/**
 * The portfolio at a glance. The page shell renders at once; each card reads
 * its own data and streams in behind its own Suspense boundary, so a slow
 * card never holds up the others.
 */
export async function DashboardView({ basePath, filters, ignored, today, since, signedIn, readerScope, units = [] }: DashboardViewProps) {
  const [t, tEnum, tTime, tOrg, format, locale] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("enums"),
    getTranslations("time"),
    getTranslations("org"),
    getFormatter(),
    getLocale(),
  ]);
  const scopeNote =
    !readerScope || readerScope.kind === "all"
      ? tOrg("scope.all")
      : readerScope.kind === "none"
        ? tOrg("scope.none")
        : tOrg("scope.units", {
            units: format.list(
              readerScope.units.map((u) => localizedString({ en: u.nameEn, zh: u.nameZh }, locale)),
              { type: "conjunction" },
            ),
          });
  const [tCapex, tKpis, tReports] = await Promise.all([
    getTranslations("capex.portfolio"),
    getTranslations("kpis.portfolio"),
    getTranslations("reports.compliance"),
  ]);
  const todayText = format.dateTime(new Date(`${today}T00:00:00Z`), {
    dateStyle: "long",
    timeZone: "UTC",
  });
  const scope = hasFilters(filters)
    ? [
        ...filters.region.map((r) => (r === NO_REGION ? t("figures.noRegion") : tEnum(`region.${r}`))),
        ...filters.line.map((l) => tEnum(`businessLine.${l}`)),
      ].join(" · ")
    : t("wholePortfolio");

  const reportingPeriod = currentReportingPeriod(new Date(`${today}T00:00:00Z`));
  const viewer = await getViewer();
  return (
    <div className="dashboard space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("asOf", { date: todayText, scope })}</p>
          <p className="mt-0.5 text-sm font-medium text-slate-700" data-testid="reader-scope">
            {scopeNote}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <div className="print:hidden">
            <PublishedPeriodSelector periods={Array.from({ length: 12 }, (_, i) => shiftPeriod(reportingPeriod, -i))} />
          </div>
          <PrintButton />
        </div>
      </div>

      <IgnoredParams ignored={ignored} message={(params) => t("ignoredParams", { params })} />

      <DashboardFilters basePath={basePath} filters={filters} units={unitChoices(units, locale)} />
      {signedIn && <MarkVisit />}

      <div className="dashboard-cards space-y-5">
        <DashboardCard id="health-heading" title={t("figures.healthTitle")} skeletonRows={2} area="health">
          <HealthFigures filters={filters} />
        </DashboardCard>

        {/* Named on the first screen: which projects are off track or at risk, and why. */}
        <DashboardCard id="attention-heading" title={t("attention.title")} description={t("attention.description")} skeletonRows={3} area="attention">
          <AttentionProjects filters={filters} />
        </DashboardCard>

        {since && (
          <DashboardCard
            id="since-heading"
            title={t("since.title")}
            description={t("since.description", {
              date: tTime("withZone", { time: format.dateTime(since, { dateStyle: "medium", timeStyle: "short" }) }),
            })}
            skeletonRows={3}
            className="print:hidden"
            area="since"
          >
            <SinceLastVisit filters={filters} since={since} />
          </DashboardCard>
        )}

        <DashboardCard
          id="compliance-heading"
          title={tReports("title", { period: reportingPeriod })}
          skeletonRows={3}
          className="print:hidden"
          area="compliance"
        >
          <ComplianceCard viewer={viewer} periodId={reportingPeriod} />
        </DashboardCard>

        <div className="dashboard-row grid grid-cols-1 gap-5 md:grid-cols-2 xl:grid-cols-3">
          <DashboardCard id="overdue-heading" title={t("milestones.overdueTitle")} description={t("milestones.overdueDescription")} area="overdue">
            <OverdueMilestones filters={filters} today={today} />
          </DashboardCard>
          <DashboardCard
            id="upcoming-heading"
            title={t("milestones.upcomingTitle", { days: UPCOMING_DAYS })}
            description={t("milestones.upcomingDescription")}
            area="upcoming"
          >
            <UpcomingMilestones filters={filters} today={today} />
          </DashboardCard>
          <DashboardCard
            id="slips-heading"
            title={t("milestones.slipsTitle")}
            description={t("milestones.slipsDescription")}
            className="md:col-span-2 xl:col-span-1"
            area="slips"
          >
            <LargestSlips filters={filters} />
          </DashboardCard>
        </div>

        <RiskDashboardCards />

        <div className="dashboard-row grid grid-cols-1 gap-5">
          <DashboardCard id="map-heading" title={t("map.title")} description={t("map.description")} skeletonRows={8} area="map">
            <PortfolioMap filters={filters} />
          </DashboardCard>
          <DashboardCard id="breakdown-heading" title={t("figures.breakdownTitle")} skeletonRows={8} area="breakdown">
            <BreakdownFigures filters={filters} />
          </DashboardCard>
        </div>

        <div className="dashboard-row grid grid-cols-1 gap-5 lg:grid-cols-2 print:hidden">
          <DashboardCard id="capex-portfolio-heading" title={tCapex("title")} description={tCapex("description")} skeletonRows={6} area="capex">
            <PortfolioCapexCard filters={filters} />
          </DashboardCard>
          <DashboardCard id="kpi-portfolio-heading" title={tKpis("title")} description={tKpis("description")} skeletonRows={4} area="kpis">
            <PortfolioKpiCard filters={filters} />
          </DashboardCard>
        </div>

        <div className="dashboard-row grid grid-cols-1 gap-5 lg:grid-cols-2">
          <DashboardCard id="trend-heading" title={t("trend.title")} description={t("trend.description")} skeletonRows={6} area="trend">
            <HealthTrend filters={filters} today={today} />
          </DashboardCard>
          <DashboardCard id="activity-heading" title={t("activity.title")} description={t("activity.description")} skeletonRows={6} area="activity">
            <RecentUpdates filters={filters} />
          </DashboardCard>
        </div>
      </div>
    </div>
  );
}
