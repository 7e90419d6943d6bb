import { getTranslations } from "next-intl/server";
import { aggregatesOf } from "@/lib/reports/periods";

/**
 * Beside the live dashboard: open the portfolio as published for a month, a
 * quarter or a year (its report pack; quarters and years are derived from the
 * months' published reports).
 */
export async function PublishedPeriodSelector({ periods }: { periods: string[] }) {
  const t = await getTranslations("reports.dashboardPeriod");
  const tPack = await getTranslations("reports.pack");
  const { quarters, years } = aggregatesOf(periods);
  const lists = { months: periods, quarters, years };
  return (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-2 print:hidden">
      <div>
        <label htmlFor="published-period" className="block text-sm text-slate-700">
          {t("label")}
        </label>
        <select id="published-period" name="period" className="field-control min-h-11 w-56" defaultValue="">
          <option value="">{t("live")}</option>
          {(["months", "quarters", "years"] as const).map((kind) => (
            <optgroup key={kind} label={tPack(kind)}>
              {lists[kind].map((p) => (
                <option key={p} value={p}>
                  {t("asPublished", { period: p })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary min-h-11">
        {tPack("show")}
      </button>
    </form>
  );
}
