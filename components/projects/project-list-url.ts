import { toSearchParams, type ProjectListParams } from "@/lib/projects/list-params";

export const PROJECTS_PATH = "/projects";
export const TIMELINE_PATH = "/projects/timeline";

/** The canonical URL of a list state (defaults left out), on the table or the timeline. */
export function projectsHref(params: Partial<ProjectListParams>, path: string = PROJECTS_PATH): string {
  const query = toSearchParams(params).toString();
  return query ? `${path}?${query}` : path;
}

/** The state without its filters: sorting and page size are the reader's view, so they stay. */
export function withoutFilters(params: ProjectListParams): Partial<ProjectListParams> {
  // Relevance belongs to the search that is being cleared.
  if (params.sort === "relevance") return { pageSize: params.pageSize };
  return { sort: params.sort, dir: params.dir, pageSize: params.pageSize };
}
