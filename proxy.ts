import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { proxyResponse } from "@/lib/http/proxy-response";

/**
 * Request ids, the per-request CSP nonce and HSTS (lib/http/proxy-response.ts).
 * The static headers (nosniff, Referrer-Policy, X-Frame-Options …) are in next.config.js.
 */
export function proxy(request: NextRequest) {
  return proxyResponse(request, env());
}

export const config = {
  // Build output and the icon are static files: they need neither an id nor a nonce.
  // The document upload (POST /api/projects/<slug>/documents) streams its body to the database:
  // through a proxy, Next would buffer it and cut it at 10 MB (withApiHeaders in lib/http/proxy-response.ts).
  // The spreadsheet import (POST /api/admin/import) is left out for the same reason: a 30 MB file must get the route's own 413.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/projects/[^/]+/documents/?$|api/admin/import/?$).*)"],
};
