import { useTranslations } from "next-intl";
import type { CostCategoryOption, KpiDefinitionOption } from "@/lib/capex/reference-data";
import type { ProjectCapexView } from "@/lib/capex/types";
import { BudgetLineForm, CostLineForm, KpiActualForm, KpiTargetForm } from "./on-demand";

/** Line-by-line entry beside the sheet upload: a budget line of the newest draft, a cost line. */
export function CapexEntryForms({ slug, capex, categories }: { slug: string; capex: ProjectCapexView; categories: CostCategoryOption[] }) {
  const t = useTranslations("capexForms");
  const draft = [...capex.versions].reverse().find((v) => v.state === "DRAFT");
  return (
    <details className="rounded border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("enterLines")}</summary>
      <div className="mt-3 space-y-5">
        {draft && <BudgetLineForm slug={slug} versionId={draft.id} version={draft.version} versionLabel={draft.label} categories={categories} />}
        <CostLineForm slug={slug} currency={capex.currency} categories={categories} />
      </div>
    </details>
  );
}

/** Line-by-line entry of a KPI actual or target beside the KPI sheet upload. */
export function KpiEntryForms({ slug, definitions }: { slug: string; definitions: KpiDefinitionOption[] }) {
  const t = useTranslations("capexForms");
  return (
    <details className="rounded border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("enterLines")}</summary>
      <div className="mt-3 space-y-5">
        <KpiActualForm slug={slug} kpis={definitions} />
        <KpiTargetForm slug={slug} kpis={definitions} />
      </div>
    </details>
  );
}
