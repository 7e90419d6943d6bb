"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { MultiSelect } from "@/components/ui/multi-select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { dashboardHref, hasFilters, type DashboardFilters as Filters } from "@/lib/dashboard/filters";
import { BUSINESS_LINES, REGIONS } from "@/lib/projects/enums";

/**
 * Region, business line and organization unit (shown when the reader's scope holds more than one) for the whole dashboard, as a GET form: without
 * JavaScript it submits; with it, a change navigates to the canonical URL at
 * once. The URL is the only state, so back/forward and shared links work.
 */
export function DashboardFilters({ basePath, filters, units }: { basePath: string; filters: Filters; units: { value: string; label: string }[] }) {
  const t = useTranslations("dashboard.filters");
  const tEnum = useTranslations("enums");
  const router = useRouter();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(filters);
  const id = useId();

  function onChange(key: keyof Filters, values: string[]) {
    const next: Filters = { ...shown, [key]: values };
    startTransition(() => {
      setShown(next);
      router.push(dashboardHref(basePath, next), { scroll: false });
    });
  }

  return (
    <form
      role="search"
      aria-label={t("label")}
      method="get"
      action={basePath}
      onSubmit={(event) => {
        event.preventDefault();
        router.push(dashboardHref(basePath, shown), { scroll: false });
      }}
      className="dashboard-filters flex flex-wrap items-end gap-x-4 gap-y-3 rounded-lg border border-slate-300 bg-white p-4 shadow-xs print:hidden"
    >
      <MultiSelect
        id={`${id}-region`}
        name="region"
        label={t("region")}
        allLabel={t("allRegions")}
        selected={shown.region}
        options={REGIONS.map((value) => ({ value, label: tEnum(`region.${value}`) }))}
        onChange={(values) => onChange("region", values)}
        className="w-full sm:w-64"
      />
      <MultiSelect
        id={`${id}-line`}
        name="line"
        label={t("line")}
        allLabel={t("allLines")}
        selected={shown.line}
        options={BUSINESS_LINES.map((value) => ({ value, label: tEnum(`businessLine.${value}`) }))}
        onChange={(values) => onChange("line", values)}
        className="w-full sm:w-64"
      />
      {units.length > 1 && (
        <MultiSelect
          id={`${id}-org`}
          name="org"
          label={t("organization")}
          allLabel={t("allUnits")}
          selected={shown.org}
          options={units}
          onChange={(values) => onChange("org", values)}
          className="w-full sm:w-64"
        />
      )}
      <div className="flex h-10 items-center gap-4">
        {hasFilters(shown) && (
          <Link href={basePath} className="link text-sm">
            {t("reset")}
          </Link>
        )}
        {isPending && (
          <span className="text-sm text-slate-600" aria-hidden="true">
            {t("updating")}
          </span>
        )}
        {/* Only a page whose scripts have not run needs a submit button; afterwards it keeps its
            space, invisible, so nothing shifts when the page hydrates. */}
        <button type="submit" className={`btn-primary ${hydrated ? "invisible" : ""}`}>
          {t("apply")}
        </button>
      </div>
    </form>
  );
}
