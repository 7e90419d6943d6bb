import { toSearchParams, type ProjectListParams } from "@/lib/projects/list-params";

export const PROJECTS_PATH = "/projects";

/** The canonical URL of a list state (defaults left out). */
export function projectsHref(params: Partial<ProjectListParams>): string {
  const query = toSearchParams(params).toString();
  return query ? `${PROJECTS_PATH}?${query}` : PROJECTS_PATH;
}

/** The state without its filters: sorting and page size are the reader's view, so they stay. */
export function withoutFilters(params: ProjectListParams): Partial<ProjectListParams> {
  // Relevance belongs to the search that is being cleared.
  if (params.sort === "relevance") return { pageSize: params.pageSize };
  return { sort: params.sort, dir: params.dir, pageSize: params.pageSize };
}
