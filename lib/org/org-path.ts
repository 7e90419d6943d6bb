/**
 * The organization tree's materialized paths ("/GRP/MMG/"): pure helpers,
 * shared by the data layer, the viewer's scope and the client.
 */

/** A unit code: upper-case letters, digits and hyphens (never % or _, so a path is a literal LIKE prefix). */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export function isUnitCode(value: unknown): value is string {
  return typeof value === "string" && UNIT_CODE.test(value);
}

export function childPath(parentPath: string | null, code: string): string {
  return `${parentPath ?? "/"}${code}/`;
}

/** Is the unit at `path` the unit at `ancestor` or below it? */
export function isWithin(path: string, ancestor: string): boolean {
  return path.startsWith(ancestor);
}

/** How deep a unit is: 0 for the root. */
export function depthOf(path: string): number {
  return path.split("/").filter(Boolean).length - 1;
}

/** The paths in `paths` that no other of them contains: the smallest set covering the same subtrees. */
export function coveringPaths(paths: readonly string[]): string[] {
  const unique = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of unique) if (!kept.some((k) => isWithin(p, k))) kept.push(p);
  return kept.sort();
}
