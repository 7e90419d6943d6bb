import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { getPortfolioCapex, type PortfolioGroup } from "@/lib/capex/portfolio";
import { rollupCurrency } from "@/lib/capex/rollup-currency";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { formatMoney, formatPercent } from "./format";
import { ENUMERATION } from "@/lib/i18n/list-format";

/** Dashboard: portfolio approved budget vs EAC by business line and region, and the largest overruns. */
export async function PortfolioCapexCard({ filters }: { filters: DashboardFilters }) {
  const [t, tEnum, locale, viewer] = await Promise.all([getTranslations("capex.portfolio"), getTranslations("enums"), getLocale(), getViewer()]);
  const format = await getFormatter();
  const currency = rollupCurrency(undefined, locale);
  const data = await getPortfolioCapex({ viewer, filters, currency });
  if (!data.projects) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const zh = locale.startsWith("zh");
  const groupTable = (caption: string, groups: PortfolioGroup[], label: (k: string) => string) => (
    <table className="w-full text-sm">
      <caption className="text-left font-medium text-slate-800">{caption}</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="text-left font-medium">
            {t("group")}
          </th>
          <th scope="col" className="text-right font-medium">
            {t("approved")}
          </th>
          <th scope="col" className="text-right font-medium">
            {t("eac")}
          </th>
          <th scope="col" className="text-right font-medium">
            {t("variance")}
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} className="border-t border-slate-200">
            <th scope="row" className="text-left font-normal">
              {label(g.key)}
            </th>
            <td className="text-right tabular-nums">{formatMoney(g.approved, currency, locale)}</td>
            <td className="text-right tabular-nums">{formatMoney(g.eac, currency, locale)}</td>
            <td className="text-right tabular-nums">{formatPercent(g.variancePercent, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {t("totals", { projects: data.projects, approved: formatMoney(data.approved, currency, locale), eac: formatMoney(data.eac, currency, locale) })}
      </p>
      <p className="text-xs text-slate-600">{t("rateSets", { currency, sets: data.rateSets.length ? format.list(data.rateSets, ENUMERATION) : "—" })}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {groupTable(t("byBusinessLine"), data.byBusinessLine, (k) => tEnum(`businessLine.${k}` as "businessLine.BASE_METALS"))}
        {groupTable(t("byRegion"), data.byRegion, (k) => (k === "UNKNOWN" ? t("unknownRegion") : tEnum(`region.${k}` as "region.CHINA")))}
      </div>
      <div>
        <h3 className="font-medium text-slate-800">{t("overruns")}</h3>
        {data.overruns.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noOverruns")}</p>
        ) : (
          <ol className="text-sm" aria-label={t("overruns")}>
            {data.overruns.map((o) => (
              <li key={o.slug} className="flex justify-between gap-3 border-t border-slate-200 py-1">
                <Link className="link" href={`/projects/${encodeURIComponent(o.slug)}`}>
                  {zh && o.nameZh ? o.nameZh : o.nameEn}
                </Link>
                <span className="tabular-nums text-red-800">
                  {t("overrunBy", { percent: formatPercent(o.variancePercent, locale), eac: formatMoney(o.eac, currency, locale) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
