import { grantPaths, holdingsOf, type Permission, type PermissionSubject } from "../auth/permissions";
import { publicReadAllowed } from "../env";
import { Prisma } from "../db/generated/client";
import { coveringPaths } from "../org/org-path";
import { WHOLE_PORTFOLIO, type ReadScope } from "./read-scope";

/**
 * The projects a reader may read. Every read path (list, counts, dashboard,
 * map, timeline, exports, history, API, and the domains built on projects:
 * capex, risks, gates, reports) puts it in its query, so scope is enforced by
 * the database and a project outside it is indistinguishable from an unknown
 * one (404).
 *
 * A signed-in reader reads the subtrees of the units they hold any role on
 * (every role reads); one who holds none reads nothing. An anonymous reader,
 * when LODESTONE_PUBLIC_READ allows reading at all, reads the whole portfolio.
 */
export { WHOLE_PORTFOLIO, type ReadScope } from "./read-scope";

export function readScopeOf(viewer: PermissionSubject): ReadScope {
  if (!viewer) return publicReadAllowed() ? WHOLE_PORTFOLIO : { all: false, paths: [] };
  return scopeOfPaths(holdingsOf(viewer).map((h) => h.unitPath));
}

function scopeOfPaths(paths: string[]): ReadScope {
  const covering = coveringPaths(paths);
  // "/" (a bare role, in tests) or the root's path covers everything; the root is the only one-segment path.
  if (covering.some((p) => p.split("/").filter(Boolean).length <= 1)) return WHOLE_PORTFOLIO;
  return { all: false, paths: covering };
}

/** The scope as a Prisma `where` on Project. */
export function projectReadScope(viewer: PermissionSubject): Prisma.ProjectWhereInput {
  return scopeWhere(readScopeOf(viewer));
}

export function scopeWhere(scope: ReadScope): Prisma.ProjectWhereInput {
  if (scope.all) return {};
  if (!scope.paths.length) return { id: { in: [] } };
  return { orgUnit: { OR: scope.paths.map((path) => ({ path: { startsWith: path } })) } };
}

/**
 * The scope as SQL on `"Project" p`, for the raw queries (list, dashboard,
 * map, timeline, exports). Unit codes hold no LIKE wildcards
 * (lib/org/org-path.ts), so a path is a literal prefix.
 */
export function scopeSql(scope: ReadScope, alias = "p"): Prisma.Sql {
  if (scope.all) return Prisma.sql`TRUE`;
  if (!scope.paths.length) return Prisma.sql`FALSE`;
  return Prisma.sql`${Prisma.raw(`${alias}."orgUnitId"`)} IN (SELECT u."id" FROM "OrgUnit" u WHERE u."path" LIKE ANY(${scope.paths.map((p) => `${p}%`)}::text[]))`;
}

/**
 * The projects a viewer may change under a permission: those in the units
 * where a role grants it outright, and the ones they manage in the units
 * where it grants it for assigned projects only.
 */
export function projectWriteScope(viewer: PermissionSubject & { id?: string }, permission: Permission): Prisma.ProjectWhereInput {
  const { full, assigned } = grantPaths(viewer, permission);
  const or: Prisma.ProjectWhereInput[] = [];
  const fullScope = full.length ? scopeOfPaths(full) : null;
  if (fullScope) or.push(scopeWhere(fullScope));
  if (assigned.length && viewer?.id) or.push({ AND: [scopeWhere(scopeOfPaths(assigned)), { managers: { some: { userId: viewer.id } } }] });
  if (!or.length) return { id: { in: [] } };
  return or.length === 1 ? or[0] : { OR: or };
}
