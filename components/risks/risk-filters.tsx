import { useTranslations } from "next-intl";
import { RISK_BANDS, RISK_CATEGORIES, RISK_STATUSES } from "@/lib/risks/enums";
import type { RiskListParams } from "@/lib/risks/risk-list-params";

/** The list's filters as a plain GET form: the URL is the state, and it works without script. */
export function RiskFilters({
  params,
  projects,
  owners,
  units,
  bandLabel,
}: {
  params: RiskListParams;
  projects: { slug: string; name: string }[];
  owners: { id: string; name: string }[];
  /** the units of the reader's scope as indented choices (lib/org/unit-options.ts) */
  units: { value: string; label: string }[];
  bandLabel: Record<string, string>;
}) {
  const t = useTranslations("risks");
  const select = (name: keyof RiskListParams, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`risk-filter-${name}`} className="field-label">
        {label}
      </label>
      <select id={`risk-filter-${name}`} name={name} defaultValue={params[name] === undefined ? "" : String(params[name])} className="field-control">
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action="/risks"
      aria-label={t("filters.label")}
      className="grid gap-3 rounded-md border border-slate-300 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
    >
      {select("org", t("filters.unit"), units)}
      {select(
        "project",
        t("filters.project"),
        projects.map((p) => ({ value: p.slug, label: p.name })),
      )}
      {select(
        "category",
        t("filters.category"),
        RISK_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
      )}
      {select(
        "band",
        t("filters.band"),
        RISK_BANDS.map((b) => ({ value: b, label: bandLabel[b] ?? b })),
      )}
      {select(
        "owner",
        t("filters.owner"),
        owners.map((o) => ({ value: o.id, label: o.name })),
      )}
      {select(
        "status",
        t("filters.status"),
        RISK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      {params.p !== undefined && <input type="hidden" name="p" value={params.p} />}
      {params.i !== undefined && <input type="hidden" name="i" value={params.i} />}
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">
          {t("filters.apply")}
        </button>
        <a href="/risks" className="btn-secondary">
          {t("filters.clear")}
        </a>
      </div>
    </form>
  );
}
