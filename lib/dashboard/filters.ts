import type { BusinessLine } from "../projects/enums";
import { parseListParamsLenient, toSearchParams, type ProjectListParams, type RawParams, type RegionFilter } from "../projects/list-params";

/**
 * The dashboard's filters, as they live in its URL: `?region=AFRICA&line=BASE_METALS`.
 * Same parameter names and value sets as the projects table, so a figure's
 * link carries the dashboard's filters over unchanged. Client-safe.
 */
export interface DashboardFilters {
  /** regions, and NO_REGION for the projects without one */
  region: RegionFilter[];
  line: BusinessLine[];
}

export const NO_FILTERS: DashboardFilters = { region: [], line: [] };

const KEYS = ["region", "line"] as const;

/**
 * For the page: keeps the valid region and line values, drops the rest and
 * names what it dropped (unknown parameters included), as the projects page does.
 */
export function parseDashboardParams(raw: RawParams): { filters: DashboardFilters; ignored: string[] } {
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
  return { filters: { region: parsed.params.region, line: parsed.params.line }, ignored: [...ignored, ...parsed.ignored] };
}

/** The canonical query string of a dashboard state ("" without filters). */
export function dashboardQuery(filters: DashboardFilters): string {
  return toSearchParams({ region: filters.region, line: filters.line }).toString();
}

export function dashboardHref(basePath: string, filters: DashboardFilters): string {
  const query = dashboardQuery(filters);
  return query ? `${basePath}?${query}` : basePath;
}

export function hasFilters(filters: DashboardFilters): boolean {
  return filters.region.length > 0 || filters.line.length > 0;
}

/**
 * The projects table showing exactly a figure's projects: the dashboard's
 * filters plus the figure's own. Where the figure narrows a dimension the
 * dashboard already filters (a region figure under a region filter), the
 * figure's value wins: it is one of the filter's values, so the set is the same.
 */
export function projectsHref(
  filters: DashboardFilters,
  extra: Partial<Pick<ProjectListParams, "region" | "line" | "stage" | "health" | "country">> = {},
): string {
  const query = toSearchParams({ region: filters.region, line: filters.line, ...extra }).toString();
  return query ? `/projects?${query}` : "/projects";
}
