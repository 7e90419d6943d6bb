import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { templateResponse } from "@/lib/import/import-route";
import { handleRoute } from "@/lib/http/json-error";

// GET /api/admin/import/template?kind=portfolio|users&lang=en|zh
export async function GET(request: NextRequest) {
  return handleRoute("GET /api/admin/import/template", async () => templateResponse(request.nextUrl.searchParams, await getViewer()));
}
