import { getTranslations } from "next-intl/server";

/** Beside the live dashboard: open the portfolio as published for a period (its report pack). */
export async function PublishedPeriodSelector({ periods }: { periods: string[] }) {
  const t = await getTranslations("reports.dashboardPeriod");
  return (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-2 print:hidden">
      <div>
        <label htmlFor="published-period" className="block text-sm text-slate-700">
          {t("label")}
        </label>
        <select id="published-period" name="period" className="field-control min-h-11 w-56" defaultValue="">
          <option value="">{t("live")}</option>
          {periods.map((p) => (
            <option key={p} value={p}>
              {t("asPublished", { period: p })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary min-h-11">
        {(await getTranslations("reports.pack"))("show")}
      </button>
    </form>
  );
}
