import type { BusinessLine } from "../projects/enums";
import { parseListParamsLenient, toSearchParams, type ProjectListParams, type RawParams, type RegionFilter } from "../projects/list-params";
import { WHOLE_PORTFOLIO, type ReadScope } from "../projects/read-scope";

/**
 * The dashboard's filters, as they live in its URL: `?region=AFRICA&line=BASE_METALS`.
 * Same parameter names and value sets as the projects table, so a figure's
 * link carries the dashboard's filters over unchanged. Client-safe.
 */
export interface DashboardFilters {
  /** regions, and NO_REGION for the projects without one */
  region: RegionFilter[];
  line: BusinessLine[];
  /** organization unit codes (each with its subtree) */
  org: string[];
  /**
   * What the reader may read (lib/projects/project-scope.ts): not part of the
   * URL, but of every query and memo key, so no figure counts past it.
   */
  scope: ReadScope;
}

/** No filters over the whole portfolio (an anonymous reader's dashboard, tests). */
export const NO_FILTERS: DashboardFilters = { region: [], line: [], org: [], scope: WHOLE_PORTFOLIO };

const KEYS = ["region", "line", "org"] as const;

/**
 * For the page: keeps the valid region and line values, drops the rest and
 * names what it dropped (unknown parameters included), as the projects page does.
 */
export function parseDashboardParams(raw: RawParams, scope: ReadScope): { filters: DashboardFilters; ignored: string[] } {
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string])));
  const ours = new URLSearchParams();
  const ignored: string[] = [];
  for (const [k, v] of entries) {
    if ((KEYS as readonly string[]).includes(k)) ours.append(k, v);
    else if (!ignored.includes(k)) ignored.push(k);
  }
  // The list's lenient parser owns the value sets and the "A,B" / repeated forms.
  const parsed = parseListParamsLenient(ours);
  return { filters: { region: parsed.params.region, line: parsed.params.line, org: parsed.params.org, scope }, ignored: [...ignored, ...parsed.ignored] };
}

/** The canonical query string of a dashboard state ("" without filters). */
export function dashboardQuery(filters: Pick<DashboardFilters, "region" | "line" | "org">): string {
  return toSearchParams({ region: filters.region, line: filters.line, org: filters.org }).toString();
}

export function dashboardHref(basePath: string, filters: Pick<DashboardFilters, "region" | "line" | "org">): string {
  const query = dashboardQuery(filters);
  return query ? `${basePath}?${query}` : basePath;
}

export function hasFilters(filters: Pick<DashboardFilters, "region" | "line" | "org">): boolean {
  return filters.region.length > 0 || filters.line.length > 0 || filters.org.length > 0;
}

/** Must a query on history or milestones join the projects? Under a filter, or a scope short of the whole portfolio. */
export function narrowsProjects(filters: DashboardFilters): boolean {
  return hasFilters(filters) || !filters.scope.all;
}

/**
 * The projects table showing exactly a figure's projects: the dashboard's
 * filters plus the figure's own. Where the figure narrows a dimension the
 * dashboard already filters (a region figure under a region filter), the
 * figure's value wins: it is one of the filter's values, so the set is the same.
 */
export function projectsHref(
  filters: Pick<DashboardFilters, "region" | "line" | "org">,
  extra: Partial<Pick<ProjectListParams, "region" | "line" | "stage" | "health" | "country" | "org">> = {},
): string {
  const query = toSearchParams({ region: filters.region, line: filters.line, org: filters.org, ...extra }).toString();
  return query ? `/projects?${query}` : "/projects";
}
