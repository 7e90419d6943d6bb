import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMonth, formatNumber } from "@/components/capex/format";
import { getViewer } from "@/lib/auth/session";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { getPortfolioKpis } from "@/lib/kpis/portfolio";

/** Dashboard: portfolio safety rates over the last 12 months (from summed counts and hours) and projects below target. */
export async function PortfolioKpiCard({ filters }: { filters: DashboardFilters }) {
  const [t, locale, viewer] = await Promise.all([getTranslations("kpis.portfolio"), getLocale(), getViewer()]);
  const data = await getPortfolioKpis({ viewer, filters });
  const zh = locale.startsWith("zh");
  if (!data.safetyThrough && !data.attainmentPeriod) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  return (
    <div className="space-y-4">
      {data.safetyThrough && (
        <div>
          <h3 className="font-medium text-slate-800">{t("safety", { month: formatMonth(data.safetyThrough, locale) })}</h3>
          <dl className="mt-1 flex flex-wrap gap-6">
            {data.rates.map((r) => (
              <div key={r.key}>
                <dt className="text-sm text-slate-700">{zh ? r.nameZh : r.nameEn}</dt>
                <dd className="text-2xl font-semibold tabular-nums">
                  {formatNumber(r.value, locale)} <span className="text-sm font-normal text-slate-600">{r.unit}</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {data.attainmentPeriod && (
        <div>
          <h3 className="font-medium text-slate-800">{t("attainment", { month: formatMonth(data.attainmentPeriod, locale) })}</h3>
          <p className="text-sm text-slate-700">{t("belowCount", { below: data.attainment.below.length, total: data.attainment.withTarget })}</p>
          {data.attainment.below.length > 0 && (
            <ul className="text-sm">
              {data.attainment.below.map((b) => (
                <li key={`${b.slug}-${b.kpi}`} className="flex justify-between gap-3 border-t border-slate-200 py-1">
                  <Link className="link" href={`/projects/${encodeURIComponent(b.slug)}`}>
                    {zh && b.nameZh ? b.nameZh : b.nameEn}
                  </Link>
                  <span className="tabular-nums">{t("belowTarget", { actual: formatNumber(b.actual, locale), target: formatNumber(b.target, locale) })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
