"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useOptimistic, useRef, useTransition } from "react";
import { useTranslations } from "next-intl";
import { MultiSelect } from "@/components/ui/multi-select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { BUSINESS_LINES, HEALTHS, REGIONS, STAGES } from "@/lib/projects/enums";
import { NO_REGION, toSearchParams, type ProjectListParams } from "@/lib/projects/list-params";
import { useReportListPending } from "./list-pending";
import { MoreFilters } from "./more-filters";
import type { CountryOption } from "./project-list-types";
import { PROJECTS_PATH, projectsHref, withoutFilters } from "./project-list-url";

const SEARCH_DEBOUNCE_MS = 300;

type MultiKey = "region" | "country" | "line" | "stage" | "health" | "org";

interface ProjectFiltersProps {
  params: ProjectListParams;
  countries: CountryOption[];
  commodities: string[];
  companies: string[];
  /** the organization units of the reader's scope, as indented choices (lib/org/unit-options.ts) */
  units: { value: string; label: string }[];
  /** the rate sets behind the page's converted capex figures */
  rateSets?: string[];
  /** the reader manages projects: offer "My projects" (the server reads their assignments) */
  canFilterMine?: boolean;
}

/**
 * The list's filters as a GET form: without JavaScript it submits to
 * /projects; with it, every change navigates to the canonical URL (search is
 * debounced), so the URL stays the only state and back/forward work.
 */
export function ProjectFilters({ params, countries, commodities, companies, units, rateSets, canFilterMine = false }: ProjectFiltersProps) {
  const t = useTranslations("projects.filters");
  const tMine = useTranslations("uxReview.mine");
  const tList = useTranslations("projects.list");
  const tEnum = useTranslations("enums");
  const router = useRouter();
  const hydrated = useHydrated();
  const [isPending, startTransition] = useTransition();
  useReportListPending(isPending);
  // Shows a choice at once while its page loads; falls back to the URL's state after.
  const [shown, setShown] = useOptimistic(params);
  const searchRef = useRef<HTMLInputElement>(null);
  const debounce = useRef<ReturnType<typeof setTimeout>>(undefined);
  const id = useId();

  // The search box is uncontrolled so typing never fights navigation. When the
  // URL changes from elsewhere (back/forward, reset) and the box is not being
  // typed in, show the URL's query.
  useEffect(() => {
    const input = searchRef.current;
    if (input && document.activeElement !== input) input.value = params.q ?? "";
  }, [params.q]);

  useEffect(() => () => clearTimeout(debounce.current), []);

  function navigate(next: ProjectListParams) {
    clearTimeout(debounce.current);
    startTransition(() => {
      setShown(next);
      router.push(projectsHref({ ...next, page: 1 }), { scroll: false });
    });
  }

  const currentQuery = () => searchRef.current?.value.trim() || undefined;

  function onSelect(key: MultiKey, values: string[]) {
    const next = { ...shown, q: currentQuery(), [key]: values } as ProjectListParams;
    if (key === "region" && values.length) {
      // Keep only the countries of the chosen region(s).
      next.country = next.country.filter((code) => countries.some((c) => c.code === code && c.region && values.includes(c.region)));
    }
    navigate(next);
  }

  function onSearch() {
    clearTimeout(debounce.current);
    debounce.current = setTimeout(() => navigate({ ...shown, q: currentQuery() }), SEARCH_DEBOUNCE_MS);
  }

  const countryOptions = countries.filter((c) => !shown.region.length || (c.region && shown.region.includes(c.region)) || shown.country.includes(c.code));

  // Sorting and page size are not filters, but a no-JavaScript submit must keep them.
  const kept = [
    ...toSearchParams({ q: params.q, sort: params.sort, dir: params.dir, pageSize: params.pageSize, group: params.group, view: params.view }).entries(),
  ].filter(([k]) => k !== "q");

  return (
    <form
      role="search"
      aria-label={t("label")}
      method="get"
      action={PROJECTS_PATH}
      onSubmit={(event) => {
        event.preventDefault();
        navigate({ ...shown, q: currentQuery() });
      }}
      className="rounded-lg border border-slate-300 bg-white p-4 shadow-xs"
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-8">
        <div className="col-span-2 md:col-span-3 xl:col-span-2">
          <label htmlFor={`${id}-q`} className="field-label">
            {t("search")}
          </label>
          <input
            ref={searchRef}
            id={`${id}-q`}
            type="search"
            name="q"
            defaultValue={params.q ?? ""}
            maxLength={100}
            autoComplete="off"
            aria-describedby={`${id}-q-hint`}
            onChange={onSearch}
            className="field-control"
          />
          <p id={`${id}-q-hint`} className="mt-1 text-xs text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <MultiSelect
          id={`${id}-region`}
          name="region"
          label={t("region")}
          allLabel={t("all")}
          selected={shown.region}
          options={[...REGIONS.map((value) => ({ value, label: tEnum(`region.${value}`) })), { value: NO_REGION, label: t("noRegion") }]}
          onChange={(values) => onSelect("region", values)}
        />
        <MultiSelect
          id={`${id}-country`}
          name="country"
          label={t("country")}
          allLabel={t("all")}
          selected={shown.country}
          options={countryOptions.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(values) => onSelect("country", values)}
        />
        <MultiSelect
          id={`${id}-line`}
          name="line"
          label={t("businessLine")}
          allLabel={t("all")}
          selected={shown.line}
          options={BUSINESS_LINES.map((value) => ({ value, label: tEnum(`businessLine.${value}`) }))}
          onChange={(values) => onSelect("line", values)}
        />
        <MultiSelect
          id={`${id}-stage`}
          name="stage"
          label={t("stage")}
          allLabel={t("all")}
          selected={shown.stage}
          options={STAGES.map((value) => ({ value, label: tEnum(`stage.${value}`) }))}
          onChange={(values) => onSelect("stage", values)}
        />
        <MultiSelect
          id={`${id}-health`}
          name="health"
          label={t("health")}
          allLabel={t("all")}
          selected={shown.health}
          options={HEALTHS.map((value) => ({ value, label: tEnum(`health.${value}`) }))}
          onChange={(values) => onSelect("health", values)}
        />
        <MultiSelect
          id={`${id}-org`}
          name="org"
          label={t("organization")}
          allLabel={t("all")}
          selected={shown.org}
          options={units}
          onChange={(values) => onSelect("org", values)}
        />
      </div>
      <MoreFilters
        rateSets={rateSets}
        params={shown}
        commodities={commodities}
        companies={companies}
        onChange={(next) => navigate({ ...shown, q: currentQuery(), ...next })}
      />
      <div className="mt-4 flex flex-wrap items-center gap-4">
        {(canFilterMine || shown.mine) && (
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              name="mine"
              value="true"
              checked={shown.mine}
              onChange={(e) => navigate({ ...shown, q: currentQuery(), mine: e.target.checked })}
            />
            {tMine("filter")}
          </label>
        )}
        <Link href={projectsHref({ ...withoutFilters(params), view: params.view ? "none" : undefined })} className="link text-sm">
          {t("reset")}
        </Link>
        {isPending && (
          <span className="text-sm text-slate-600" aria-hidden="true">
            {tList("updating")}
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
