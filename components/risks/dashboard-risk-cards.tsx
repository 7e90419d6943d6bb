import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DashboardCard } from "@/components/dashboard/dashboard-card";
import { LocalizedText } from "@/components/ui/localized-text";
import { getViewer } from "@/lib/auth/session";
import { overdueGateConditions } from "@/lib/gates/gate-queries";
import { riskListQuery } from "@/lib/risks/risk-list-params";
import { getDefaultMatrix, getHeatMap, risksPastReview, topRisks } from "@/lib/risks/risk-queries";
import { HeatMap } from "./heat-map";
import { RiskTable } from "./risk-table";

/**
 * The dashboard's risk and gate cards: the portfolio heat map (cells open
 * the filtered risk list), the top risks by residual score, risks past their
 * review date, and overdue gate conditions. Each card loads on its own.
 */
export async function RiskDashboardCards() {
  const [t, tGates] = await Promise.all([getTranslations("risks.cards"), getTranslations("gates.cards")]);
  return (
    <>
      <div className="dashboard-row grid gap-5 lg:grid-cols-2 print:hidden">
        <DashboardCard id="risk-heat-map-heading" title={t("heatMap")} description={t("heatMapDescription")} skeletonRows={6} area="risks">
          <HeatMapCard />
        </DashboardCard>
        <DashboardCard id="top-risks-heading" title={t("topRisks")} description={t("topRisksDescription")} skeletonRows={6} area="risks">
          <TopRisksCard />
        </DashboardCard>
      </div>
      <div className="dashboard-row grid gap-5 lg:grid-cols-2 print:hidden">
        <DashboardCard id="risks-past-review-heading" title={t("pastReview")} skeletonRows={4} area="risks">
          <PastReviewCard />
        </DashboardCard>
        <DashboardCard id="overdue-conditions-heading" title={tGates("overdue")} skeletonRows={4} area="risks">
          <OverdueConditionsCard />
        </DashboardCard>
      </div>
    </>
  );
}

async function HeatMapCard() {
  const [data, t] = await Promise.all([getHeatMap({ viewer: await getViewer() }), getTranslations("risks.heatMap")]);
  return <HeatMap data={data} caption={t("caption", { count: data.total })} />;
}

async function TopRisksCard() {
  const viewer = await getViewer();
  const [rows, matrix, t] = await Promise.all([topRisks({ viewer, limit: 5 }), getDefaultMatrix(), getTranslations("risks.cards")]);
  return <RiskTable rows={rows} matrix={matrix} caption={t("topRisks")} />;
}

async function PastReviewCard() {
  const viewer = await getViewer();
  const [{ rows, total }, matrix, t] = await Promise.all([risksPastReview({ viewer, limit: 5 }), getDefaultMatrix(), getTranslations("risks.cards")]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{t("pastReviewDescription", { count: total })}</p>
      {rows.length > 0 && <RiskTable rows={rows} matrix={matrix} caption={t("pastReview")} />}
      {total > rows.length && (
        <Link href={`/risks?${riskListQuery({ overdue: "1" })}`} className="link text-sm">
          {t("allOverdue")}
        </Link>
      )}
    </div>
  );
}

async function OverdueConditionsCard() {
  const viewer = await getViewer();
  const [{ rows, total }, t] = await Promise.all([overdueGateConditions({ viewer, limit: 5 }), getTranslations("gates")]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{t("cards.overdueDescription", { count: total })}</p>
      <ul className="space-y-2 text-sm">
        {rows.map((c) => (
          <li key={c.id}>
            <Link href={`/projects/${encodeURIComponent(c.project.slug)}/gates/${c.reviewId}`} className="link">
              <LocalizedText value={c.text} />
            </Link>
            <p className="text-slate-700">
              <LocalizedText value={c.project.name} /> · <LocalizedText value={c.gate} /> · {t("due", { date: c.dueOn })} · {c.owner?.name ?? "–"}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
