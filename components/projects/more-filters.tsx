"use client";

import { useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { commodityLabel } from "@/lib/i18n/commodities";
import { MultiSelect } from "@/components/ui/multi-select";
import { MAX_DAYS, MAX_OVER_BUDGET_PERCENT, ROLLUP_CURRENCIES, type ProjectListParams } from "@/lib/projects/list-params";
import { ENUMERATION } from "@/lib/i18n/list-format";

interface MoreFiltersProps {
  params: ProjectListParams;
  commodities: string[];
  companies: string[];
  onChange: (next: Partial<ProjectListParams>) => void;
  /** the exchange-rate sets behind the converted budget and EAC figures of the page's rows */
  rateSets?: string[];
}

/**
 * The filters beyond the basic ones (commodity, company, dates, slipping, stale). Inside the list's GET form: without JavaScript they submit with it.
 */
export function MoreFilters({ params, commodities, companies, onChange, rateSets = [] }: MoreFiltersProps) {
  const t = useTranslations("projects.filters");
  const format = useFormatter();
  const tCommodity = useTranslations("commodities");
  const id = useId();
  const open =
    params.commodity.length > 0 ||
    params.company.length > 0 ||
    !!params.finishAfter ||
    !!params.finishBefore ||
    !!params.due ||
    !!params.stale ||
    params.slipping ||
    params.overBudget !== undefined ||
    !!params.cur;

  const days = (value: string) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n >= 1 && n <= MAX_DAYS ? n : undefined;
  };
  const percent = (value: string) => {
    const n = Number(value);
    return value.trim() && Number.isFinite(n) && n >= 0 && n <= MAX_OVER_BUDGET_PERCENT ? Math.round(n * 100) / 100 : undefined;
  };

  return (
    <details className="mt-4 rounded-md border border-slate-200 p-3" open={open}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("more")}</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-3">
        <MultiSelect
          id={`${id}-commodity`}
          name="commodity"
          label={t("commodity")}
          allLabel={t("all")}
          selected={params.commodity}
          options={commodities.map((c) => ({ value: c, label: commodityLabel(tCommodity, c) }))}
          onChange={(commodity) => onChange({ commodity })}
        />
        <MultiSelect
          id={`${id}-company`}
          name="company"
          label={t("company")}
          allLabel={t("all")}
          selected={params.company}
          options={companies.map((c) => ({ value: c, label: c }))}
          onChange={(company) => onChange({ company })}
        />
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-after`} className="field-label">
              {t("finishAfter")}
            </label>
            <input
              id={`${id}-after`}
              type="date"
              name="finishAfter"
              defaultValue={params.finishAfter ?? ""}
              onChange={(e) => onChange({ finishAfter: e.target.value || undefined })}
              className="field-control"
            />
          </div>
          <div>
            <label htmlFor={`${id}-before`} className="field-label">
              {t("finishBefore")}
            </label>
            <input
              id={`${id}-before`}
              type="date"
              name="finishBefore"
              defaultValue={params.finishBefore ?? ""}
              onChange={(e) => onChange({ finishBefore: e.target.value || undefined })}
              className="field-control"
            />
          </div>
          <div>
            <label htmlFor={`${id}-due`} className="field-label">
              {t("due")}
            </label>
            <input
              id={`${id}-due`}
              type="number"
              min={1}
              max={MAX_DAYS}
              name="due"
              defaultValue={params.due ?? ""}
              onBlur={(e) => onChange({ due: days(e.target.value) })}
              className="field-control"
            />
          </div>
          <div>
            <label htmlFor={`${id}-stale`} className="field-label">
              {t("stale")}
            </label>
            <input
              id={`${id}-stale`}
              type="number"
              min={1}
              max={MAX_DAYS}
              name="stale"
              defaultValue={params.stale ?? ""}
              onBlur={(e) => onChange({ stale: days(e.target.value) })}
              className="field-control"
            />
          </div>
        </div>
        <div>
          <label htmlFor={`${id}-over`} className="field-label">
            {t("overBudget")}
          </label>
          <input
            id={`${id}-over`}
            type="number"
            min={0}
            max={MAX_OVER_BUDGET_PERCENT}
            step="0.01"
            name="overBudget"
            defaultValue={params.overBudget ?? ""}
            onBlur={(e) => onChange({ overBudget: percent(e.target.value) })}
            className="field-control"
          />
        </div>
        <div>
          <label htmlFor={`${id}-cur`} className="field-label">
            {t("rollup")}
          </label>
          <select
            id={`${id}-cur`}
            name="cur"
            value={params.cur ?? ""}
            onChange={(e) => onChange({ cur: (e.target.value || undefined) as ProjectListParams["cur"] })}
            className="field-control"
            aria-describedby={params.cur ? `${id}-cur-sets` : undefined}
          >
            <option value="">{t("rollupNone")}</option>
            {ROLLUP_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {params.cur && (
            <p id={`${id}-cur-sets`} className="mt-1 text-xs text-slate-600">
              {t("rateSetsNote", { sets: rateSets.length ? format.list(rateSets, ENUMERATION) : t("noRateSets") })}
            </p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm md:col-span-3">
          <input type="checkbox" name="slipping" value="true" checked={params.slipping} onChange={(e) => onChange({ slipping: e.target.checked })} />
          {t("slipping")}
        </label>
      </div>
    </details>
  );
}
