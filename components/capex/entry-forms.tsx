"use client";

import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { setBudgetLineAction, setCostLineAction, setKpiActualAction, setKpiTargetAction } from "@/lib/capex/actions";
import { COST_MEASURES } from "@/lib/capex/capex.validation";
import type { CostCategoryOption, KpiDefinitionOption } from "@/lib/capex/reference-data";
import { Field, LineForm } from "./line-form";

const nameOf = (o: { nameEn: string; nameZh: string }, locale: string) => (locale === "zh-CN" ? o.nameZh : o.nameEn);

function CategorySelect({ id, categories }: { id: string; categories: CostCategoryOption[] }) {
  const locale = useLocale();
  return (
    <select id={id} name="category" required className="field-control">
      {categories.map((c) => (
        <option key={c.key} value={c.key}>
          {"\u00a0\u00a0".repeat(c.depth)}
          {nameOf(c, locale)}
        </option>
      ))}
    </select>
  );
}

/** One month × category of the draft budget version (0 removes the line). */
export function BudgetLineForm({
  slug,
  versionId,
  version,
  versionLabel,
  categories,
}: {
  slug: string;
  versionId: string;
  version: number;
  versionLabel: string;
  categories: CostCategoryOption[];
}) {
  const t = useTranslations("capexForms");
  const id = useId();
  return (
    <LineForm
      label={t("budgetLine", { label: versionLabel })}
      submitLabel={t("saveBudgetLine")}
      submit={(input) => setBudgetLineAction(slug, versionId, { ...input, version })}
    >
      <Field id={`${id}-category`} label={t("category")}>
        <CategorySelect id={`${id}-category`} categories={categories} />
      </Field>
      <Field id={`${id}-period`} label={t("period")}>
        <input id={`${id}-period`} name="period" type="month" required className="field-control" />
      </Field>
      <Field id={`${id}-amount`} label={t("amount")}>
        <input id={`${id}-amount`} name="amount" inputMode="decimal" required className="field-control" />
      </Field>
    </LineForm>
  );
}

/** A committed, actual or forecast line, keyed by its external reference, in the project's currency. */
export function CostLineForm({ slug, currency, categories }: { slug: string; currency: string; categories: CostCategoryOption[] }) {
  const t = useTranslations("capexForms");
  const tMeasure = useTranslations("capexForms.measure");
  const id = useId();
  return (
    <LineForm label={t("costLine")} submitLabel={t("saveCostLine")} submit={(input) => setCostLineAction(slug, { ...input, currency })}>
      <Field id={`${id}-ref`} label={t("externalRef")}>
        <input id={`${id}-ref`} name="externalRef" required maxLength={120} className="field-control" />
      </Field>
      <Field id={`${id}-category`} label={t("category")}>
        <CategorySelect id={`${id}-category`} categories={categories} />
      </Field>
      <Field id={`${id}-measure`} label={t("measureLabel")}>
        <select id={`${id}-measure`} name="measure" className="field-control">
          {COST_MEASURES.map((m) => (
            <option key={m} value={m}>
              {tMeasure(m)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-period`} label={t("period")}>
        <input id={`${id}-period`} name="period" type="month" required className="field-control" />
      </Field>
      <Field id={`${id}-amount`} label={t("amountIn", { currency })}>
        <input id={`${id}-amount`} name="amount" inputMode="decimal" required className="field-control" />
      </Field>
    </LineForm>
  );
}

function KpiSelect({ id, kpis }: { id: string; kpis: KpiDefinitionOption[] }) {
  const locale = useLocale();
  return (
    <select id={id} name="kpi" required className="field-control">
      {kpis.map((k) => (
        <option key={k.key} value={k.key}>
          {nameOf(k, locale)} ({k.unit})
        </option>
      ))}
    </select>
  );
}

/** A monthly actual of a counted KPI (rates are computed from the counts, never entered). */
export function KpiActualForm({ slug, kpis }: { slug: string; kpis: KpiDefinitionOption[] }) {
  const t = useTranslations("capexForms");
  const id = useId();
  return (
    <LineForm label={t("kpiActual")} submitLabel={t("saveKpiActual")} submit={(input) => setKpiActualAction(slug, input)}>
      <Field id={`${id}-kpi`} label={t("kpi")}>
        <KpiSelect id={`${id}-kpi`} kpis={kpis.filter((k) => k.aggregation !== "RATIO")} />
      </Field>
      <Field id={`${id}-period`} label={t("period")}>
        <input id={`${id}-period`} name="period" type="month" required className="field-control" />
      </Field>
      <Field id={`${id}-value`} label={t("value")}>
        <input id={`${id}-value`} name="value" inputMode="decimal" required className="field-control" />
      </Field>
    </LineForm>
  );
}

/** A month of a target series (FEASIBILITY, BUDGET_2026, RAMP_UP …). */
export function KpiTargetForm({ slug, kpis }: { slug: string; kpis: KpiDefinitionOption[] }) {
  const t = useTranslations("capexForms");
  const id = useId();
  return (
    <LineForm label={t("kpiTarget")} submitLabel={t("saveKpiTarget")} submit={(input) => setKpiTargetAction(slug, input)}>
      <Field id={`${id}-kpi`} label={t("kpi")}>
        <KpiSelect id={`${id}-kpi`} kpis={kpis} />
      </Field>
      <Field id={`${id}-series`} label={t("series")}>
        <input id={`${id}-series`} name="series" required defaultValue="RAMP_UP" pattern="[A-Z0-9_]{1,40}" className="field-control" />
      </Field>
      <Field id={`${id}-period`} label={t("period")}>
        <input id={`${id}-period`} name="period" type="month" required className="field-control" />
      </Field>
      <Field id={`${id}-value`} label={t("value")}>
        <input id={`${id}-value`} name="value" inputMode="decimal" required className="field-control" />
      </Field>
    </LineForm>
  );
}
