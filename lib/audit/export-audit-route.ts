import "server-only";
import { getTranslations } from "next-intl/server";
import { can } from "../auth/permissions";
import { getViewer } from "../auth/session";
import { jsonError } from "../http/json-error";
import { parseAuditFilters } from "./audit-filters";
import { exportAuditCsv } from "./list-audit";

/** The audit trail as CSV, with the page's filters. Admins only: others get 403, as the page (lib/auth/page-guard.ts). */
export async function exportAuditResponse(search: URLSearchParams): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return jsonError("UNAUTHENTICATED", "Sign in first.");
  if (!can(viewer, "audit:read")) return jsonError("FORBIDDEN", "Your role does not allow the audit trail.");
  const t = await getTranslations("org.audit.columns");
  const header = [t("at"), t("actor"), "actorId", "onBehalfOfId", t("action"), "entityType", t("entity"), t("before"), t("after"), t("reason")];
  return new Response(exportAuditCsv(parseAuditFilters(search), header), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="lodestone-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
