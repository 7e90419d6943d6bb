"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { commodityLabel } from "@/lib/i18n/commodities";
import { HEALTHS, REGIONS, STAGES } from "@/lib/projects/enums";
import { MAX_DAYS, type ProjectListParams } from "@/lib/projects/list-params";

interface MoreFiltersProps {
  params: ProjectListParams;
  commodities: string[];
  companies: string[];
  onChange: (next: Partial<ProjectListParams>) => void;
}

/**
 * Several values at once (checkbox groups) and the filters beyond the basic
 * selects. Inside the list's GET form: without JavaScript they submit with it.
 */
export function MoreFilters({ params, commodities, companies, onChange }: MoreFiltersProps) {
  const t = useTranslations("projects.filters");
  const tEnum = useTranslations("enums");
  const tCommodity = useTranslations("commodities");
  const id = useId();
  const open = params.region.length > 1 || params.stage.length > 1 || params.health.length > 1 || params.commodity.length > 0 || params.company.length > 0 || !!params.finishAfter || !!params.finishBefore || !!params.due || !!params.stale || params.slipping;

  const toggle = (key: "region" | "stage" | "health", value: string, on: boolean) =>
    onChange({ [key]: on ? [...params[key], value] : params[key].filter((v) => v !== value) });
  const days = (value: string) => {
    const n = Number(value);
    return value && Number.isInteger(n) && n >= 1 && n <= MAX_DAYS ? n : undefined;
  };

  return (
    <details className="mt-4 rounded-md border border-slate-200 p-3" open={open}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("more")}</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-3">
        {(
          [
            ["region", t("anyRegion"), REGIONS, "region"],
            ["stage", t("anyStage"), STAGES, "stage"],
            ["health", t("anyHealth"), HEALTHS, "health"],
          ] as const
        ).map(([key, legend, values, ns]) => (
          <fieldset key={key}>
            <legend className="field-label">{legend}</legend>
            <div className="grid grid-cols-2 gap-x-3 gap-y-1">
              {values.map((v) => (
                <label key={v} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={key} value={v} checked={(params[key] as string[]).includes(v)} onChange={(e) => toggle(key, v, e.target.checked)} />
                  {tEnum(`${ns}.${v}` as never)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div>
          <label htmlFor={`${id}-commodity`} className="field-label">
            {t("commodity")}
          </label>
          <select
            id={`${id}-commodity`}
            name="commodity"
            multiple
            size={4}
            value={params.commodity}
            onChange={(e) => onChange({ commodity: [...e.target.selectedOptions].map((o) => o.value) })}
            className="field-control h-auto"
          >
            {commodities.map((c) => (
              <option key={c} value={c}>
                {commodityLabel(tCommodity, c)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-company`} className="field-label">
            {t("company")}
          </label>
          <select
            id={`${id}-company`}
            name="company"
            multiple
            size={4}
            value={params.company}
            onChange={(e) => onChange({ company: [...e.target.selectedOptions].map((o) => o.value) })}
            className="field-control h-auto"
          >
            {companies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-after`} className="field-label">
              {t("finishAfter")}
            </label>
            <input id={`${id}-after`} type="date" name="finishAfter" defaultValue={params.finishAfter ?? ""} onChange={(e) => onChange({ finishAfter: e.target.value || undefined })} className="field-control" />
          </div>
          <div>
            <label htmlFor={`${id}-before`} className="field-label">
              {t("finishBefore")}
            </label>
            <input id={`${id}-before`} type="date" name="finishBefore" defaultValue={params.finishBefore ?? ""} onChange={(e) => onChange({ finishBefore: e.target.value || undefined })} className="field-control" />
          </div>
          <div>
            <label htmlFor={`${id}-due`} className="field-label">
              {t("due")}
            </label>
            <input id={`${id}-due`} type="number" min={1} max={MAX_DAYS} name="due" defaultValue={params.due ?? ""} onBlur={(e) => onChange({ due: days(e.target.value) })} className="field-control" />
          </div>
          <div>
            <label htmlFor={`${id}-stale`} className="field-label">
              {t("stale")}
            </label>
            <input id={`${id}-stale`} type="number" min={1} max={MAX_DAYS} name="stale" defaultValue={params.stale ?? ""} onBlur={(e) => onChange({ stale: days(e.target.value) })} className="field-control" />
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm md:col-span-3">
          <input type="checkbox" name="slipping" value="true" checked={params.slipping} onChange={(e) => onChange({ slipping: e.target.checked })} />
          {t("slipping")}
        </label>
      </div>
    </details>
  );
}
