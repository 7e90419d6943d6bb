import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { importRequest } from "@/lib/import/import-route";
import { handleRoute } from "@/lib/http/json-error";
import { withApiHeaders } from "@/lib/http/proxy-response";

// POST /api/admin/import?kind=portfolio|users&mode=check|apply&fileName=…; the body is the file's bytes.
// proxy.ts leaves this route out (Next would buffer the body and cut it at 10 MB), so the route sets the API headers itself.
export async function POST(request: NextRequest) {
  return withApiHeaders(request, await handleRoute("POST /api/admin/import", async () => importRequest(request, await getViewer())), env());
}
