import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { localizedString } from "@/lib/i18n/bilingual";
import { unitChoices } from "@/lib/org/unit-options";
import type { UnitOption } from "@/lib/projects/types";
import { riskListQuery, type RiskListParams } from "@/lib/risks/risk-list-params";
import type { HeatMap as HeatMapData, RiskRow } from "@/lib/risks/types";
import { HeatMap } from "./heat-map";
import { RiskFilters } from "./risk-filters";
import { RiskTable } from "./risk-table";

/** The portfolio risk list: filters, the heat map (today or as of a date), the rows, exports. */
export function RiskPortfolioView({
  params,
  list,
  heatMap,
  projects,
  owners,
  units,
}: {
  params: RiskListParams;
  list: { rows: RiskRow[]; total: number; page: number; pageSize: number };
  heatMap: HeatMapData;
  projects: { slug: string; name: { en: string; zh: string | null } }[];
  owners: { id: string; name: string }[];
  units: UnitOption[];
}) {
  const t = useTranslations("risks");
  const locale = useLocale();
  const bandLabel = Object.fromEntries(heatMap.matrix.bands.map((b) => [b.key, locale === "zh-CN" ? b.zh : b.en]));
  const query = riskListQuery({ ...params, page: 1 });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <RiskFilters
        params={params}
        projects={projects.map((p) => ({ slug: p.slug, name: localizedString(p.name, locale) }))}
        owners={owners}
        units={unitChoices(units, locale)}
        bandLabel={bandLabel}
      />
      {(params.p || params.i || params.overdue) && (
        <p className="text-sm text-slate-700">
          {params.p && params.i ? t("cellFilter", { probability: params.p, impact: params.i }) : null} {params.overdue ? t("overdueFilter") : null}{" "}
          <Link href="/risks" className="link">
            {t("filters.clear")}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-sm text-slate-700">
          {t("count", { count: list.total })}
        </p>
        <a href={`/risks/export?${query}${query ? "&" : ""}format=csv`} className="btn-secondary" download>
          {t("exportCsv")}
        </a>
        <a href={`/risks/export?${query}${query ? "&" : ""}format=xlsx`} className="btn-secondary" download>
          {t("exportXlsx")}
        </a>
      </div>
      <RiskTable rows={list.rows} matrix={heatMap.matrix} caption={t("title")} />
      {pages > 1 && (
        <nav aria-label={t("pagination")} className="flex items-center gap-3 text-sm">
          {list.page > 1 && (
            <Link className="link" href={`/risks?${riskListQuery({ ...params, page: list.page - 1 })}`}>
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page: list.page, pages })}</span>
          {list.page < pages && (
            <Link className="link" href={`/risks?${riskListQuery({ ...params, page: list.page + 1 })}`}>
              {t("next")}
            </Link>
          )}
        </nav>
      )}
      <section aria-labelledby="risk-heat-map" className="space-y-3">
        <h2 id="risk-heat-map" className="text-lg font-semibold text-slate-900">
          {t("heatMap.title")}
        </h2>
        <form method="get" action="/risks" className="flex items-end gap-2">
          <div>
            <label htmlFor="risk-heat-map-as-of" className="field-label">
              {t("heatMap.asOf")}
            </label>
            <input id="risk-heat-map-as-of" type="date" name="asOf" defaultValue={heatMap.asOf ?? ""} className="field-control" />
          </div>
          <button type="submit" className="btn-secondary">
            {t("heatMap.show")}
          </button>
        </form>
        <HeatMap
          data={heatMap}
          caption={heatMap.asOf ? t("heatMap.captionAsOf", { date: heatMap.asOf, count: heatMap.total }) : t("heatMap.caption", { count: heatMap.total })}
          linkCells={!heatMap.asOf}
        />
      </section>
    </div>
  );
}
