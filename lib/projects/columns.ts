/**
 * The projects table's columns, by id: the table, the column chooser, saved
 * views, preferences and the exports share this list. Client-safe.
 */
export const PROJECT_COLUMNS = [
  "name",
  "region",
  "country",
  "businessLine",
  "stage",
  "health",
  "progress",
  "nextMilestone",
  "finish",
  "company",
  "organization",
  "commodities",
  "programme",
  "updated",
  // capex (issue 13): not shown by default
  "budget",
  "eac",
  "variance",
] as const;
export type ProjectColumnId = (typeof PROJECT_COLUMNS)[number];

/** What the table shows to someone who never chose. */
export const DEFAULT_COLUMNS: ProjectColumnId[] = ["name", "region", "country", "businessLine", "stage", "health", "progress", "nextMilestone", "updated"];

export function isProjectColumn(value: unknown): value is ProjectColumnId {
  return typeof value === "string" && (PROJECT_COLUMNS as readonly string[]).includes(value);
}

/**
 * A column choice from anywhere (URL, stored view, preference): known ids only,
 * each once, the name always first (it names the row); empty means the default.
 */
export function normalizeColumns(values: readonly string[] | null | undefined): ProjectColumnId[] {
  const known = [...new Set((values ?? []).filter(isProjectColumn))];
  if (!known.length) return [...DEFAULT_COLUMNS];
  return ["name", ...known.filter((c) => c !== "name")];
}

export const DENSITIES = ["comfortable", "compact"] as const;
export type Density = (typeof DENSITIES)[number];

export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 800;
