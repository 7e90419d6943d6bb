import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CapexPermissions } from "@/lib/capex/capex-permissions";
import type { ProjectCapexView } from "@/lib/capex/types";
import { BudgetVersions } from "./budget-versions";
import { formatMoney, formatMonth, formatPercent } from "./format";
import { LineChart } from "./line-chart";
import { SheetUpload } from "./on-demand";
import { CapexEntryForms } from "./capex-entry-forms";
import type { CostCategoryOption } from "@/lib/capex/reference-data";
import { ENUMERATION } from "@/lib/i18n/list-format";

type Rollup = "CNY" | "USD";

/** The project's capex: the card (project and roll-up currency), the S-curve with its table, budget versions, upload. */
export function CapexSection({
  slug,
  capex,
  rollup,
  permissions,
  categories = [],
}: {
  slug: string;
  capex: ProjectCapexView;
  rollup: Rollup;
  permissions: CapexPermissions;
  categories?: CostCategoryOption[];
}) {
  const t = useTranslations("capex");
  const format = useFormatter();
  const locale = useLocale();
  const p = capex.figures.project;
  const r = capex.figures[rollup];
  const sameCurrency = capex.currency === rollup;
  const rows: { key: string; label: string; project: string | null; rollup: string | null; percent?: string | null }[] = [
    { key: "approved", label: t("approved"), project: p.approved, rollup: r.approved },
    { key: "committed", label: t("committed"), project: p.committed, rollup: r.committed },
    {
      key: "actual",
      label: p.actualThrough ? t("actualThrough", { month: formatMonth(p.actualThrough, locale) }) : t("actual"),
      project: p.actual,
      rollup: r.actual,
    },
    { key: "eac", label: t("eac"), project: p.eac, rollup: r.eac },
    { key: "variance", label: t("variance"), project: p.variance, rollup: r.variance, percent: p.variancePercent },
  ];
  const over = p.variancePercent !== null && Number(p.variancePercent) > 0;
  return (
    <section aria-labelledby="capex-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="capex-heading" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <nav aria-label={t("rollupChoice")} className="flex gap-2 text-sm">
          {(["CNY", "USD"] as const).map((c) => (
            <Link
              key={c}
              href={`/projects/${encodeURIComponent(slug)}?rollup=${c}#capex-heading`}
              aria-current={c === rollup ? "true" : undefined}
              className={c === rollup ? "font-semibold text-slate-900" : "link"}
            >
              {t("showIn", { currency: c })}
            </Link>
          ))}
        </nav>
      </div>
      {!capex.hasData ? (
        <p className="rounded border border-dashed border-slate-300 p-4 text-slate-700">{permissions.canEditCapex ? t("emptyEditor") : t("empty")}</p>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="min-w-[28rem] text-sm">
              <caption className="sr-only">{t("cardCaption")}</caption>
              <thead>
                <tr className="text-left text-slate-600">
                  <th scope="col" className="py-1 pr-6 font-medium">
                    <span className="sr-only">{t("figure")}</span>
                  </th>
                  <th scope="col" className="py-1 pr-6 text-right font-medium">
                    {t("inProjectCurrency", { currency: capex.currency })}
                  </th>
                  {!sameCurrency && (
                    <th scope="col" className="py-1 pr-6 text-right font-medium">
                      {t("inRollupCurrency", { currency: rollup })}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} className="border-t border-slate-200" data-figure={row.key}>
                    <th scope="row" className="py-1.5 pr-6 text-left font-medium text-slate-800">
                      {row.label}
                    </th>
                    <td className={`py-1.5 pr-6 text-right tabular-nums ${row.key === "variance" && over ? "font-semibold text-red-800" : ""}`}>
                      {formatMoney(row.project, capex.currency, locale)}
                      {row.percent !== undefined && row.percent !== null && <span className="ml-2">({formatPercent(row.percent, locale)})</span>}
                    </td>
                    {!sameCurrency && <td className="py-1.5 pr-6 text-right tabular-nums">{formatMoney(row.rollup, rollup, locale)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-slate-600">
            {capex.rateSets.length ? t("rateSetsUsed", { sets: format.list(capex.rateSets, ENUMERATION) }) : t("noRateSets")}
          </p>
          {p.approved === null && <p className="text-sm text-slate-700">{t("noApprovedBudget")}</p>}
          <SCurve curve={p.curve} currency={capex.currency} />
        </>
      )}
      <BudgetVersions slug={slug} versions={capex.versions} canEdit={permissions.canEditCapex} canApprove={permissions.canApprove} />
      {permissions.canEditCapex && <SheetUpload slug={slug} kind="costs" />}
      {permissions.canEditCapex && categories.length > 0 && <CapexEntryForms slug={slug} capex={capex} categories={categories} />}
    </section>
  );
}

function SCurve({ curve, currency }: { curve: ProjectCapexView["figures"]["project"]["curve"]; currency: string }) {
  const t = useTranslations("capex");
  const locale = useLocale();
  if (!curve.length) return null;
  const num = (v: string | null) => (v === null ? null : Number(v)); // plotting only: the table shows the exact figures
  return (
    <div className="space-y-2">
      <h3 className="font-medium text-slate-900">{t("sCurve")}</h3>
      <LineChart
        labels={curve.map((c) => formatMonth(c.period, locale))}
        series={[
          { key: "planned", label: t("planned"), values: curve.map((c) => num(c.planned)), color: "#1d4ed8" },
          { key: "actual", label: t("actualCumulative"), values: curve.map((c) => num(c.actual)), color: "#15803d" },
          { key: "forecast", label: t("forecastCumulative"), values: curve.map((c) => num(c.forecast)), color: "#b45309", dashed: true },
        ]}
      />
      <details>
        <summary className="cursor-pointer text-sm text-slate-700">{t("sCurveTable")}</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">{t("sCurveCaption", { currency })}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                {t("month")}
              </th>
              <th scope="col" className="pr-4 text-right">
                {t("planned")}
              </th>
              <th scope="col" className="pr-4 text-right">
                {t("actualCumulative")}
              </th>
              <th scope="col" className="pr-4 text-right">
                {t("forecastCumulative")}
              </th>
            </tr>
          </thead>
          <tbody>
            {curve.map((c) => (
              <tr key={c.period}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {formatMonth(c.period, locale)}
                </th>
                <td className="pr-4 text-right tabular-nums">{formatMoney(c.planned, currency, locale, 2)}</td>
                <td className="pr-4 text-right tabular-nums">{formatMoney(c.actual, currency, locale, 2)}</td>
                <td className="pr-4 text-right tabular-nums">{formatMoney(c.forecast, currency, locale, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
