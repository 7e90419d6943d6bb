import { z } from "zod";
import { UNIT_CODE } from "../org/org-path";
import { BUSINESS_LINES, HEALTHS, REGIONS, STAGES } from "./enums";
import { zodFieldErrors } from "../validation/field-errors";
import { text, token } from "../validation/text";

/** The region filter's values: every region, and "NONE" for the projects without one. */
export const NO_REGION = "NONE";
export const REGION_FILTERS = [...REGIONS, NO_REGION] as const;
export type RegionFilter = (typeof REGION_FILTERS)[number];

/**
 * The projects list's state, as it lives in the URL and the API's query string.
 * The page parses it leniently (bad values are dropped and reported); the API
 * strictly (bad values are a 400).
 */
export const SORT_KEYS = ["name", "region", "country", "businessLine", "stage", "health", "progress", "updated", "finish", "variance", "relevance"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** How the list may be grouped (counts per group come from the database). */
export const GROUP_KEYS = ["region", "businessLine", "stage", "health", "organization"] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
/** Upper bound of the day-count filters (due within N days, stale for N days). */
export const MAX_DAYS = 3650;
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 100;
/** Upper bound of the "over budget by more than N%" filter. */
export const MAX_OVER_BUDGET_PERCENT = 1000;
export const ROLLUP_CURRENCIES = ["CNY", "USD"] as const;

const isoDay = z.iso.date("must be a date, YYYY-MM-DD");
const days = z.coerce.number().int().min(1).max(MAX_DAYS);

const list = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).max(values.length);

export const projectListParamsSchema = z.object({
  q: text({ max: MAX_QUERY_LENGTH }).optional(),
  /** regions, any of them; NO_REGION: projects without one (no country, or one outside every region) */
  region: list(REGION_FILTERS).default([]),
  country: z
    .array(z.string().regex(/^[A-Z]{2}$/, "must be a two-letter ISO country code"))
    .max(50)
    .default([]),
  line: list(BUSINESS_LINES).default([]),
  stage: list(STAGES).default([]),
  health: list(HEALTHS).default([]),
  /** commodity keys as stored (lower case), any of them */
  commodity: z
    .array(text({ max: 40, required: true }).transform((v) => v.toLowerCase()))
    .max(20)
    .default([]),
  /** operating companies, exact names; repeated only (names contain commas) */
  company: z
    .array(text({ max: 200, required: true }))
    .max(20)
    .default([]),
  /** organization unit codes: each includes its subtree (lib/org) */
  org: z.array(z.string().trim().toUpperCase().regex(UNIT_CODE, "must be an organization unit code")).max(20).default([]),
  /** the parts of these programmes (programme slugs), any of them */
  programme: z
    .array(token({ max: 120 }).pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a project slug")))
    .max(20)
    .default([]),
  /** forecast finish on or after / on or before (the forecast's period overlaps the bound) */
  finishAfter: isoDay.optional(),
  finishBefore: isoDay.optional(),
  /** a planned milestone is due (forecast, else baseline) within the next N days (overdue ones are not) */
  due: days.optional(),
  /** any milestone's forecast or actual period ends after its baseline period ends */
  slipping: z.stringbool().default(false),
  /** no update in N days */
  stale: days.optional(),
  /** EAC exceeds the current approved budget by more than N percent (lib/capex/capex-list-sql.ts) */
  overBudget: z.coerce.number().min(0).max(MAX_OVER_BUDGET_PERCENT).multipleOf(0.01, "at most two decimals").optional(),
  /** the roll-up currency the budget and EAC columns also show (converted with each line's rate set) */
  cur: z.enum(ROLLUP_CURRENCIES).optional(),
  /** only the projects the reader manages (their ProjectManager assignments, read on the server; anonymous: none) */
  mine: z.stringbool().default(false),
  /** rows grouped on the page, with counts per group */
  group: z.enum(GROUP_KEYS).optional(),
  /** a saved view whose columns apply; "none" opts out of the user's default view */
  view: z.union([z.uuid(), z.literal("none")]).optional(),
  sort: z.enum(SORT_KEYS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export type ProjectListParams = z.infer<typeof projectListParamsSchema>;
type Key = keyof ProjectListParams;

const MULTI: Key[] = ["region", "country", "line", "stage", "health", "commodity", "company", "org", "programme"];
/** Multi-valued keys whose values may contain commas: repeated form only. */
const REPEAT_ONLY: Key[] = ["company"];
const KEYS = Object.keys(projectListParamsSchema.shape) as Key[];

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Reads raw search params into the shape the schema expects (arrays for multi-valued keys). */
function collect(raw: RawParams): { values: Record<string, unknown>; unknown: string[] } {
  const entries: [string, string][] =
    raw instanceof URLSearchParams
      ? [...raw.entries()]
      : Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string])));
  const values: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [k, v] of entries) {
    if (!KEYS.includes(k as Key)) {
      if (!unknown.includes(k)) unknown.push(k);
      continue;
    }
    if (MULTI.includes(k as Key)) {
      // region=A&region=B and region=A,B both mean "A or B"
      const parts = (REPEAT_ONLY.includes(k as Key) ? [v] : v.split(",")).map((s) => s.trim()).filter(Boolean);
      const normalized = k === "country" ? parts.map((s) => s.toUpperCase()) : parts;
      values[k] = [...((values[k] as string[]) ?? []), ...normalized];
    } else if (v.trim() !== "") {
      values[k] = v;
    }
  }
  for (const k of MULTI) if (Array.isArray(values[k])) values[k] = [...new Set(values[k] as string[])];
  return { values, unknown };
}

export type StrictParse = { ok: true; params: ProjectListParams } | { ok: false; message: string; fields: Record<string, string> };

/** For the API: any bad value is an error that names the parameter. */
export function parseListParamsStrict(raw: RawParams): StrictParse {
  const { values, unknown } = collect(raw);
  const fields: Record<string, string> = {};
  for (const k of unknown) fields[k] = "unknown parameter";
  const result = projectListParamsSchema.safeParse(values);
  if (!result.success) for (const [k, m] of Object.entries(zodFieldErrors(result.error, { topLevel: true, describe: describeIssue }))) fields[k] ??= m;
  if (Object.keys(fields).length || !result.success)
    return {
      ok: false,
      message: `Invalid query parameters: ${Object.entries(fields)
        .map(([k, m]) => `${k} (${m})`)
        .join(", ")}`,
      fields,
    };
  return { ok: true, params: withImpliedSort(result.data, values) };
}

/**
 * A search with no sort chosen is ranked by relevance; the canonical URL then
 * leaves the sort out, and spells out sort=name when the reader chose it.
 */
function withImpliedSort(params: ProjectListParams, values: Record<string, unknown>): ProjectListParams {
  if (values.sort === undefined && params.q) return { ...params, sort: "relevance", dir: "asc" };
  return params;
}

/** The sort the list actually applies: relevance needs a search. */
export function effectiveSort(params: Pick<ProjectListParams, "q" | "sort">): SortKey {
  return params.sort === "relevance" && !params.q ? "name" : params.sort;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `expected one of ${issue.values.join(", ")}`;
  return issue.message;
}

/** For pages: drop what is invalid, keep the rest, and say what was dropped. */
export function parseListParamsLenient(raw: RawParams): { params: ProjectListParams; ignored: string[] } {
  const { values, unknown } = collect(raw);
  const ignored = [...unknown];
  const cleaned: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (values[key] === undefined) continue;
    const field = projectListParamsSchema.shape[key];
    if (MULTI.includes(key)) {
      // keep the good values of a list, drop only the bad ones
      const element = (field as unknown as z.ZodDefault<z.ZodArray<z.ZodType>>).unwrap().element;
      const good = (values[key] as string[]).filter((v) => element.safeParse(v).success);
      if (good.length < (values[key] as string[]).length) ignored.push(key);
      cleaned[key] = good;
    } else if (field.safeParse(values[key]).success) {
      cleaned[key] = values[key];
    } else {
      ignored.push(key);
    }
  }
  return { params: withImpliedSort(projectListParamsSchema.parse(cleaned), cleaned), ignored };
}

/** The canonical query string for a state: defaults left out, so URLs stay short and shareable. */
export function toSearchParams(params: Partial<ProjectListParams>): URLSearchParams {
  const defaults: Record<string, unknown> = { ...projectListParamsSchema.parse({}), sort: params.q ? "relevance" : "name" };
  const out = new URLSearchParams();
  for (const key of KEYS) {
    const value = params[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.append(key, v);
    else if (key === "dir" && (params.sort ?? defaults.sort) === "relevance") continue;
    else if (value !== defaults[key] && value !== "") out.set(key, String(value));
  }
  return out;
}
