import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";

/**
 * The projects a reader may read, as a `where` fragment: every read path
 * (list, counts, dashboard, map, timeline, exports, history, API, and the
 * domains built on projects: capex, risks, gates, reports) puts it in its
 * query, so scope is enforced by the database and a project outside it is
 * indistinguishable from an unknown one (404).
 *
 * Today every reader (and an anonymous reader, when LODESTONE_PUBLIC_READ
 * allows reading at all) reads the whole portfolio; the organization tree
 * narrows this to the reader's units.
 */
export function projectReadScope(viewer: Viewer | null): Prisma.ProjectWhereInput {
  void viewer;
  return {};
}
