import { z } from "zod";
import { UNIT_CODE } from "../org/org-path";
import { RISK_BANDS, RISK_CATEGORIES, RISK_STATUSES } from "./enums";

/**
 * The portfolio risk list's state, from the URL: lenient (a bad value is
 * dropped, not an error), so any link opens a list.
 */
export const RISK_PAGE_SIZE = 50;
const lenient = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
const level = lenient(z.coerce.number().int().min(1).max(99));

export const riskListParamsSchema = z.object({
  project: lenient(z.string().trim().min(1).max(120)),
  /** an organization unit's code: its projects and those of every unit below it */
  org: lenient(z.string().trim().toUpperCase().regex(UNIT_CODE)),
  category: lenient(z.enum(RISK_CATEGORIES)),
  band: lenient(z.enum(RISK_BANDS)),
  owner: lenient(z.string().trim().min(1).max(100)),
  status: lenient(z.enum(RISK_STATUSES)),
  /** a heat-map cell: current probability and (highest) impact */
  p: level,
  i: level,
  /** risks whose next review date has passed */
  overdue: lenient(z.enum(["1"])),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type RiskListParams = z.output<typeof riskListParamsSchema>;

export function parseRiskListParams(search: Record<string, string | string[] | undefined> | URLSearchParams): RiskListParams {
  const flat: Record<string, string> = {};
  const entries = search instanceof URLSearchParams ? [...search.entries()] : Object.entries(search);
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") flat[k] = value;
  }
  return riskListParamsSchema.parse(flat);
}

/** The canonical query string of a list state (links, filters, export). */
export function riskListQuery(params: Partial<RiskListParams>): string {
  const q = new URLSearchParams();
  for (const key of ["org", "project", "category", "band", "owner", "status", "p", "i", "overdue"] as const) {
    const v = params[key];
    if (v !== undefined) q.set(key, String(v));
  }
  if (params.page && params.page > 1) q.set("page", String(params.page));
  return q.toString();
}
