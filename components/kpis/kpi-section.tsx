import { useLocale, useTranslations } from "next-intl";
import { SheetUpload } from "@/components/capex/on-demand";
import { formatMonth, formatNumber } from "@/components/capex/format";
import { LineChart } from "@/components/capex/line-chart";
import type { ProjectKpisView } from "@/lib/kpis/types";
import type { KpiDefinitionOption } from "@/lib/capex/reference-data";
import { KpiEntryForms } from "@/components/capex/capex-entry-forms";

/** KPI tiles (latest month and trend) and the ramp-up chart with its table; the upload for editors. */
export function KpiSection({
  slug,
  kpis,
  canEdit,
  definitions = [],
}: {
  slug: string;
  kpis: ProjectKpisView;
  canEdit: boolean;
  definitions?: KpiDefinitionOption[];
}) {
  const t = useTranslations("kpis");
  const locale = useLocale();
  const zh = locale.startsWith("zh");
  return (
    <section aria-labelledby="kpis-heading" className="space-y-4">
      <h2 id="kpis-heading" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      {kpis.tiles.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-4 text-slate-700">{canEdit ? t("emptyEditor") : t("empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("tiles")}>
          {kpis.tiles.map((tile) => {
            const name = zh ? tile.nameZh : tile.nameEn;
            const trend = tile.latest !== null && tile.previous !== null ? Math.sign(Number(tile.latest) - Number(tile.previous)) : 0;
            const good = trend === 0 ? null : trend > 0 === (tile.direction === "HIGHER_BETTER");
            return (
              <li key={tile.key} className="rounded border border-slate-200 p-3" data-kpi={tile.key}>
                <p className="text-sm text-slate-700">{name}</p>
                <p className="text-2xl font-semibold tabular-nums text-slate-900">
                  {formatNumber(tile.latest, locale)} <span className="text-sm font-normal text-slate-600">{tile.unit}</span>
                </p>
                <p className="text-xs text-slate-600">
                  {tile.rolling12 ? t("rolling12", { month: formatMonth(tile.latestPeriod, locale) }) : formatMonth(tile.latestPeriod, locale)}
                </p>
                {tile.previous !== null && (
                  <p className={`text-xs ${good === null ? "text-slate-600" : good ? "text-green-800" : "text-red-800"}`}>
                    {t(trend > 0 ? "up" : trend < 0 ? "down" : "flat", { previous: formatNumber(tile.previous, locale) })}
                  </p>
                )}
                {tile.target !== null && (
                  <p className="text-xs text-slate-700">{t("target", { value: formatNumber(tile.target, locale), series: tile.targetSeries ?? "" })}</p>
                )}
                {tile.percentOfDesign !== null && (
                  <p className="text-xs text-slate-700">{t("percentOfDesign", { value: formatNumber(tile.percentOfDesign, locale, 1) })}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {kpis.rampUp && kpis.rampUp.months.length > 0 && <RampUp rampUp={kpis.rampUp} />}
      {canEdit && <SheetUpload slug={slug} kind="kpis" />}
      {canEdit && definitions.length > 0 && <KpiEntryForms slug={slug} definitions={definitions} />}
    </section>
  );
}

const SERIES_COLORS = ["#1d4ed8", "#7c3aed", "#0e7490"];

function RampUp({ rampUp }: { rampUp: NonNullable<ProjectKpisView["rampUp"]> }) {
  const t = useTranslations("kpis");
  const locale = useLocale();
  const name = locale.startsWith("zh") ? rampUp.nameZh : rampUp.nameEn;
  const num = (v: string | null) => (v === null ? null : Number(v)); // plotting only; the table has the figures
  return (
    <div className="space-y-2">
      <h3 className="font-medium text-slate-900">{t("rampUp", { kpi: name, unit: rampUp.unit })}</h3>
      <LineChart
        labels={rampUp.months.map((m) => formatMonth(m.period, locale))}
        series={[
          { key: "actual", label: t("actual"), values: rampUp.months.map((m) => num(m.actual)), color: "#15803d" },
          ...rampUp.series.map((s, i) => ({
            key: s,
            label: t("targetSeries", { series: s }),
            values: rampUp.months.map((m) => num(m.targets[s])),
            color: SERIES_COLORS[i % 3],
            dashed: true,
          })),
        ]}
        horizontal={rampUp.designCapacity ? { label: t("designCapacity"), value: Number(rampUp.designCapacity), color: "#b91c1c" } : undefined}
      />
      <details>
        <summary className="cursor-pointer text-sm text-slate-700">{t("rampUpTable")}</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">{t("rampUpCaption", { kpi: name, unit: rampUp.unit })}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                {t("month")}
              </th>
              <th scope="col" className="pr-4 text-right">
                {t("actual")}
              </th>
              {rampUp.series.map((s) => (
                <th key={s} scope="col" className="pr-4 text-right">
                  {t("targetSeries", { series: s })}
                </th>
              ))}
              {rampUp.designCapacity && (
                <th scope="col" className="pr-4 text-right">
                  {t("designCapacity")}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rampUp.months.map((m) => (
              <tr key={m.period}>
                <th scope="row" className="pr-4 text-left font-normal">
                  {formatMonth(m.period, locale)}
                </th>
                <td className="pr-4 text-right tabular-nums">{formatNumber(m.actual, locale)}</td>
                {rampUp.series.map((s) => (
                  <td key={s} className="pr-4 text-right tabular-nums">
                    {formatNumber(m.targets[s], locale)}
                  </td>
                ))}
                {rampUp.designCapacity && <td className="pr-4 text-right tabular-nums">{formatNumber(rampUp.designCapacity, locale)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
