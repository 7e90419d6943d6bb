import { connection, type NextRequest } from "next/server";
import { exportAuditResponse } from "@/lib/audit/export-audit-route";
import { handleRoute } from "@/lib/http/json-error";

export async function GET(request: NextRequest) {
  await connection();
  return handleRoute("GET /admin/audit/export", () => exportAuditResponse(request.nextUrl.searchParams));
}
