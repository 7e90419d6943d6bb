import { getFormatter, getTranslations } from "next-intl/server";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { atDataVersion } from "@/lib/dashboard/data-version";
import { getHealthTrendSplit, TREND_CLOSED_DEPENDS_ON } from "@/lib/dashboard/trend";
import { HEALTHS } from "@/lib/projects/enums";
import { HealthTrendChart, type TrendDatum } from "./health-trend-chart";
import { HEALTH_SEVERITY } from "./health-style";
import { ENUMERATION } from "@/lib/i18n/list-format";

/**
 * Portfolio health by month, from the history: a chart, a sentence with the
 * latest numbers, and every number as a table (the chart's text alternative).
 */
export async function HealthTrend({ filters, today }: { filters: DashboardFilters; today: string }) {
  const [t, tHealth, format] = await Promise.all([getTranslations("dashboard.trend"), getTranslations("enums.health"), getFormatter()]);
  // The closed months are carried across status updates; only today's month is recounted after one.
  const points = await atDataVersion("trend", { filters, today }, () =>
    getHealthTrendSplit({
      filters,
      today,
      closed: (compute) => atDataVersion("trend-closed", { filters, month: today.slice(0, 7) }, compute, { keepUnless: TREND_CLOSED_DEPENDS_ON }),
    }),
  );
  if (points.length === 0) return <p className="rounded-md bg-slate-50 px-3 py-4 text-center text-sm text-slate-700">{t("none")}</p>;

  const monthLabel = (month: string) => format.dateTime(new Date(`${month}T00:00:00Z`), { year: "numeric", month: "short", timeZone: "UTC" });
  const data: TrendDatum[] = points.map((p) => ({ month: monthLabel(p.month), ...p.counts }));
  const first = points[0];
  const last = points[points.length - 1];
  const summary = t("summary", {
    from: monthLabel(first.month),
    to: monthLabel(last.month),
    latest: format.list(
      HEALTH_SEVERITY.map((h) => t("count", { count: last.counts[h], health: tHealth(h).toLowerCase() })),
      ENUMERATION,
    ),
  });
  const labels = Object.fromEntries(HEALTHS.map((h) => [h, tHealth(h)])) as Record<(typeof HEALTHS)[number], string>;

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{summary}</p>
      <HealthTrendChart data={data} labels={labels} title={t("chartLabel")} />
      <details className="text-sm print:hidden">
        <summary className="cursor-pointer font-medium text-blue-700 underline decoration-blue-700/40 underline-offset-2">{t("showTable")}</summary>
        <div className="mt-2 max-h-72 overflow-auto rounded-md border border-slate-200">
          <table className="w-full border-collapse text-right tabular-nums">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead className="sticky top-0 bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-2 py-1.5 text-left font-semibold">
                  {t("month")}
                </th>
                {HEALTH_SEVERITY.map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
                    {tHealth(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.month} className="border-t border-slate-200">
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    <time dateTime={p.month.slice(0, 7)}>{monthLabel(p.month)}</time>
                  </th>
                  {HEALTH_SEVERITY.map((h) => (
                    <td key={h} className="px-2 py-1">
                      {format.number(p.counts[h])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
