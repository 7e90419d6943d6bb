import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { countryNamer } from "@/lib/i18n/display-names";
import { unitChoices, unitNamer } from "@/lib/org/unit-options";
import type { GroupKey, ProjectListParams } from "@/lib/projects/list-params";
import type { FilterOptions, GroupCount, ListResult, ProjectRow } from "@/lib/projects/types";
import type { SavedViewSummary, TablePreferences } from "@/lib/views/types";
import { FilterChips } from "./filter-chips";
import { ProjectsWorkspace } from "./projects-workspace";
import { ProjectFilters } from "./project-filters";
import type { CountryOption, ProjectListItem } from "./project-list-types";
import { projectsHref, withoutFilters } from "./project-list-url";
import { IgnoredParams } from "@/components/ui/ignored-params";
import { ListPendingProvider, StaleResults } from "./list-pending";

interface ProjectsViewProps {
  params: ProjectListParams;
  ignored: string[];
  result: ListResult<ProjectRow>;
  options: FilterOptions;
  settings: Pick<TablePreferences, "columns" | "columnWidths" | "density">;
  views: SavedViewSummary[];
  currentView: SavedViewSummary | null;
  /** the URL named a view this reader may not open */
  viewMissing: boolean;
  signedIn: boolean;
  groups: GroupCount[] | null;
  /** the reader manages at least one project they may read */
  managesAny?: boolean;
}

/** The projects list page: filters, count, table and paging for one URL state. */
export async function ProjectsView({
  params,
  ignored,
  result,
  options,
  settings,
  views,
  currentView,
  viewMissing,
  signedIn,
  groups,
  managesAny = false,
}: ProjectsViewProps) {
  const t = await getTranslations("projects.list");
  const tViews = await getTranslations("projects.views");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  const countryName = countryNamer(locale);

  const rows: ProjectListItem[] = result.rows.map((row) => ({ ...row, countryName: countryName(row.countryCode), rollup: params.cur ?? null }));
  const rateSets = [...new Set(result.rows.flatMap((r) => r.capex?.rateSets ?? []))].sort();
  const countries: CountryOption[] = options.countries
    .map((c) => ({ ...c, name: countryName(c.code) ?? c.code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const pastEnd = result.rows.length === 0 && result.total > 0;
  const groupNs = { region: "region", businessLine: "businessLine", stage: "stage", health: "health" } as const;
  const unitName = unitNamer(options.units, locale);
  const groupName = (group: GroupKey, key: string) => (group === "organization" ? unitName(key) : tEnum(`${groupNs[group]}.${key}` as never));
  const groupLabels =
    groups && params.group
      ? Object.fromEntries(
          groups.map((g) => [g.key ?? "", t("groupCaption", { group: g.key ? groupName(params.group!, g.key) : t("groupNone"), count: g.count })]),
        )
      : undefined;

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>

      <IgnoredParams ignored={ignored} message={(params) => t("ignoredParams", { params })} />

      {viewMissing && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {tViews("notFound")}
        </p>
      )}

      <ListPendingProvider>
        <ProjectFilters
          params={params}
          countries={countries}
          commodities={options.commodities}
          companies={options.companies}
          units={unitChoices(options.units, locale)}
          rateSets={rateSets}
          canFilterMine={managesAny}
        />
        <StaleResults>
          <FilterChips params={params} countryName={(code) => countryName(code) ?? code} unitName={unitName} />

          <p role="status" className="text-sm font-medium text-slate-700">
            {t("count", { count: result.total })}
          </p>

          <ProjectsWorkspace
            rows={rows}
            total={result.total}
            params={params}
            initialSettings={settings}
            views={views}
            currentView={currentView}
            signedIn={signedIn}
            groupLabels={groupLabels}
            showTable={result.total > 0 && !pastEnd}
          />
          {/* After the toolbar: an empty result does not push the table's controls down. */}
          {result.total === 0 ? (
            <EmptyState
              title={t("empty.title")}
              body={t("empty.body")}
              href={projectsHref({ ...withoutFilters(params), view: params.view ? "none" : undefined })}
              action={t("empty.reset")}
            />
          ) : pastEnd ? (
            <EmptyState title={t("pastEnd.title")} body={t("pastEnd.body")} href={projectsHref({ ...params, page: 1 })} action={t("pastEnd.firstPage")} />
          ) : null}
        </StaleResults>
      </ListPendingProvider>
    </div>
  );
}

function EmptyState({ title, body, href, action }: { title: string; body: string; href: string; action: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-400 bg-white px-6 py-12 text-center">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{body}</p>
      <Link href={href} className="btn-secondary mt-4">
        {action}
      </Link>
    </div>
  );
}
