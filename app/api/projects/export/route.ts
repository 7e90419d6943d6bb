import { connection, type NextRequest } from "next/server";
import { assertReader } from "@/lib/auth/session";
import { requestClient } from "@/lib/http/client-ip";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { exportProjects } from "@/lib/exports/export-route";

// GET /api/projects/export?format=csv|xlsx&columns=name,stage,…&<the list's parameters>
export async function GET(request: NextRequest) {
  await connection();
  return handleRoute("GET /api/projects/export", async () => {
    const viewer = await assertReader();
    const result = await exportProjects({ viewer, search: request.nextUrl.searchParams, client: requestClient(request.headers) });
    if (result.ok) return result.response;
    const response = jsonError(result.code, result.message, result.fields);
    if (result.retryAfterSeconds) response.headers.set("Retry-After", String(result.retryAfterSeconds));
    return response;
  });
}
