import "server-only";
import type { Viewer } from "../auth/session";
import type { AppLocale } from "../i18n/config";
import { parseListParamsLenient, toSearchParams, type RawParams } from "../projects/list-params";
import { countProjectGroups, listFilterOptions, listProjects } from "../projects/list-projects";
import { managesProjects } from "../projects/managed-projects";
import { readScopeOf } from "../projects/project-scope";
import { getPreferences, getView, listViews } from "./views";

/**
 * What the projects page shows for a URL and a reader. A view link
 * (/projects?view=<id> and nothing else) redirects to the view's full query,
 * so the URL always holds the whole state and filters can be changed from
 * there; /projects with no query opens the reader's default view, unless
 * ?view=none. A view the reader may not open leaves the plain list.
 */
export async function resolveListPage(opts: { viewer: Viewer | null; raw: RawParams; locale?: AppLocale }) {
  const { params, ignored } = parseListParamsLenient(opts.raw);
  const keys = Object.keys(Object.fromEntries(new URLSearchParams(toSearchParams(params)).entries()));
  const [prefs, views] = await Promise.all([getPreferences({ viewer: opts.viewer }), listViews({ viewer: opts.viewer })]);

  const rawEmpty = opts.raw instanceof URLSearchParams ? [...opts.raw.keys()].length === 0 : Object.keys(opts.raw).length === 0;
  if (rawEmpty && prefs.defaultViewId && views.some((v) => v.id === prefs.defaultViewId)) return { redirect: `/projects?view=${prefs.defaultViewId}` } as const;

  const view = params.view && params.view !== "none" ? await getView({ viewer: opts.viewer, id: params.view }) : null;
  if (view && keys.length === 1 && (view.query || view.groupBy)) {
    const query = new URLSearchParams(view.query);
    if (view.groupBy) query.set("group", view.groupBy);
    query.set("view", view.id);
    return { redirect: `/projects?${query.toString()}` } as const;
  }
  const viewMissing = !!params.view && params.view !== "none" && !view;
  const effective = viewMissing ? { ...params, view: undefined } : params;

  // Views shared "with everyone" store filters, not rows: each reader sees the rows of their own scope.
  const scope = readScopeOf(opts.viewer);
  // "My projects" means the session's own assignments, whoever's link it is.
  const managerId = opts.viewer?.id ?? null;
  const [result, options, groups, managesAny] = await Promise.all([
    listProjects(effective, { locale: opts.locale, scope, managerId }),
    listFilterOptions({ scope }),
    effective.group ? countProjectGroups({ params: effective, group: effective.group, where: { scope, managerId } }) : Promise.resolve(null),
    managesProjects({ viewer: opts.viewer }),
  ]);
  const settings = view
    ? { columns: view.columns, columnWidths: view.columnWidths, density: view.density ?? prefs.density }
    : { columns: prefs.columns, columnWidths: prefs.columnWidths, density: prefs.density };
  return {
    redirect: null,
    props: { params: effective, ignored, result, options, settings, views, currentView: view, viewMissing, groups, managesAny },
  } as const;
}
