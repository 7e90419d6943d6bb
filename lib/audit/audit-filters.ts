import { z } from "zod";

/** The audit trail's filters, as they live in /admin/audit's URL (and its CSV export's). */
export const auditFiltersSchema = z.object({
  action: z.string().trim().max(80).optional().catch(undefined),
  entityType: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(raw: URLSearchParams | Record<string, string | string[] | undefined>): AuditFilters {
  const entries =
    raw instanceof URLSearchParams
      ? Object.fromEntries(raw.entries())
      : Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const cleaned = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== ""));
  return auditFiltersSchema.parse(cleaned);
}
