"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { createCostCategoryAction, createKpiDefinitionAction, createRateSetAction } from "@/lib/capex/actions";
import type { CostCategoryOption, KpiDefinitionOption, RateSetView } from "@/lib/capex/reference-data";
import { KPI_AGGREGATIONS, KPI_CATEGORIES, KPI_DIRECTIONS } from "@/lib/kpis/kpi.validation";
import { Field, LineForm } from "../line-form";

const list = (v: unknown) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** "USD 7.1 1" per line: currency, one unit in CNY, one unit in USD. */
function parseRates(text: unknown) {
  return String(text ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [currency = "", toCny = "", toUsd = ""] = l.split(/[\s,;]+/);
      return { currency, toCny, toUsd };
    });
}

/**
 * The reference data admins extend: the bilingual cost-category tree, the KPI
 * definitions, the exchange-rate sets. Each create goes through the audited
 * write path; nothing here edits or deletes (lines refer to them; a rate set is
 * never edited, a new one is named instead).
 */
export function CapexReferenceAdmin({
  categories,
  kpis,
  rateSets,
}: {
  categories: CostCategoryOption[];
  kpis: KpiDefinitionOption[];
  rateSets: RateSetView[];
}) {
  const t = useTranslations("capexAdmin");
  const tCat = useTranslations("capexAdmin.kpiCategory");
  const tDir = useTranslations("capexAdmin.direction");
  const tAgg = useTranslations("capexAdmin.aggregation");
  const locale = useLocale();
  const id = useId();
  const zh = locale === "zh-CN";
  return (
    <div className="space-y-10">
      <section aria-labelledby={`${id}-cat`} className="space-y-3">
        <h2 id={`${id}-cat`} className="text-lg font-semibold text-slate-900">
          {t("categories")}
        </h2>
        <ul className="text-sm" aria-label={t("categories")}>
          {categories.map((c) => (
            <li key={c.key} style={{ paddingInlineStart: `${c.depth * 1.25}rem` }}>
              {zh ? c.nameZh : c.nameEn}{" "}
              <span className="text-slate-600">
                ({zh ? c.nameEn : c.nameZh} · {c.key})
              </span>
            </li>
          ))}
        </ul>
        <LineForm label={t("newCategory")} submitLabel={t("addCategory")} submit={(input) => createCostCategoryAction(input)}>
          <Field id={`${id}-ck`} label={t("key")}>
            <input id={`${id}-ck`} name="key" required pattern="[a-z0-9][a-z0-9\-]{0,59}" className="field-control" />
          </Field>
          <Field id={`${id}-cen`} label={t("nameEn")}>
            <input id={`${id}-cen`} name="nameEn" required maxLength={120} className="field-control" />
          </Field>
          <Field id={`${id}-czh`} label={t("nameZh")}>
            <input id={`${id}-czh`} name="nameZh" required maxLength={120} className="field-control" />
          </Field>
          <Field id={`${id}-cp`} label={t("parent")}>
            <select id={`${id}-cp`} name="parent" className="field-control">
              <option value="">{t("noParent")}</option>
              {categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {"\u00a0\u00a0".repeat(c.depth)}
                  {zh ? c.nameZh : c.nameEn}
                </option>
              ))}
            </select>
          </Field>
        </LineForm>
      </section>

      <section aria-labelledby={`${id}-kpi`} className="space-y-3">
        <h2 id={`${id}-kpi`} className="text-lg font-semibold text-slate-900">
          {t("kpis")}
        </h2>
        <div className="overflow-x-auto">
          <table className="text-sm">
            <caption className="sr-only">{t("kpis")}</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="pr-4 font-medium">
                  {t("name")}
                </th>
                <th scope="col" className="pr-4 font-medium">
                  {t("unit")}
                </th>
                <th scope="col" className="pr-4 font-medium">
                  {t("category")}
                </th>
                <th scope="col" className="pr-4 font-medium">
                  {t("directionLabel")}
                </th>
                <th scope="col" className="pr-4 font-medium">
                  {t("aggregationLabel")}
                </th>
              </tr>
            </thead>
            <tbody>
              {kpis.map((k) => (
                <tr key={k.key} className="border-t border-slate-200">
                  <th scope="row" className="pr-4 text-left font-normal">
                    {zh ? k.nameZh : k.nameEn} <span className="text-slate-600">({k.key})</span>
                  </th>
                  <td className="pr-4">{k.unit}</td>
                  <td className="pr-4">{tCat(k.category)}</td>
                  <td className="pr-4">{tDir(k.direction)}</td>
                  <td className="pr-4">
                    {k.aggregation === "RATIO"
                      ? t("ratioOf", { numerator: k.numeratorKeys.join(" + "), denominator: k.denominatorKeys.join(" + ") })
                      : tAgg(k.aggregation)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LineForm
          label={t("newKpi")}
          submitLabel={t("addKpi")}
          submit={(input) => createKpiDefinitionAction({ ...input, numeratorKeys: list(input.numeratorKeys), denominatorKeys: list(input.denominatorKeys) })}
        >
          <Field id={`${id}-kk`} label={t("key")}>
            <input id={`${id}-kk`} name="key" required className="field-control" />
          </Field>
          <Field id={`${id}-ken`} label={t("nameEn")}>
            <input id={`${id}-ken`} name="nameEn" required maxLength={120} className="field-control" />
          </Field>
          <Field id={`${id}-kzh`} label={t("nameZh")}>
            <input id={`${id}-kzh`} name="nameZh" required maxLength={120} className="field-control" />
          </Field>
          <Field id={`${id}-ku`} label={t("unit")}>
            <input id={`${id}-ku`} name="unit" required maxLength={30} className="field-control" />
          </Field>
          <Field id={`${id}-kc`} label={t("category")}>
            <select id={`${id}-kc`} name="category" className="field-control">
              {KPI_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {tCat(c)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-kd`} label={t("directionLabel")}>
            <select id={`${id}-kd`} name="direction" className="field-control">
              {KPI_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {tDir(d)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-ka`} label={t("aggregationLabel")}>
            <select id={`${id}-ka`} name="aggregation" className="field-control">
              {KPI_AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {tAgg(a)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-kn`} label={t("numeratorKeys")}>
            <input id={`${id}-kn`} name="numeratorKeys" className="field-control" />
          </Field>
          <Field id={`${id}-kdn`} label={t("denominatorKeys")}>
            <input id={`${id}-kdn`} name="denominatorKeys" className="field-control" />
          </Field>
          <Field id={`${id}-ks`} label={t("scale")}>
            <input id={`${id}-ks`} name="scale" inputMode="decimal" className="field-control" />
          </Field>
        </LineForm>
      </section>

      <section aria-labelledby={`${id}-rs`} className="space-y-3">
        <h2 id={`${id}-rs`} className="text-lg font-semibold text-slate-900">
          {t("rateSets")}
        </h2>
        {rateSets.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 p-4 text-slate-700">{t("noRateSets")}</p>
        ) : (
          <ul className="space-y-1 text-sm" aria-label={t("rateSets")}>
            {rateSets.map((s) => (
              <li key={s.name}>
                <span className="font-medium">{s.name}</span> · {t("effectiveFrom", { month: s.effectiveFrom })} ·{" "}
                {s.rates.map((r) => t("rate", { currency: r.currency, toCny: r.toCny, toUsd: r.toUsd })).join("; ")}
              </li>
            ))}
          </ul>
        )}
        <LineForm
          label={t("newRateSet")}
          submitLabel={t("addRateSet")}
          submit={(input) => createRateSetAction({ name: input.name, effectiveFrom: input.effectiveFrom, rates: parseRates(input.rates) })}
        >
          <Field id={`${id}-rn`} label={t("rateSetName")}>
            <input id={`${id}-rn`} name="name" required maxLength={120} className="field-control" />
          </Field>
          <Field id={`${id}-re`} label={t("effectiveFromLabel")}>
            <input id={`${id}-re`} name="effectiveFrom" type="month" required className="field-control" />
          </Field>
          <Field id={`${id}-rr`} label={t("rates")}>
            <textarea id={`${id}-rr`} name="rates" required rows={3} placeholder="USD 7.1 1" className="field-control" aria-describedby={`${id}-rr-hint`} />
          </Field>
          <p id={`${id}-rr-hint`} className="basis-full text-xs text-slate-600">
            {t("ratesHint")}
          </p>
        </LineForm>
      </section>
    </div>
  );
}
