import { NextResponse, type NextRequest } from "next/server";
import { publicUrl, type Env } from "../env";
import { ERROR_STATUS, type ErrorCode } from "../errors";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "../log/request-id";
import { allowedMethods, REFUSED_METHOD_HEADER } from "./allowed-methods";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "./security-headers";

/**
 * proxy.ts' work, for every request: a request id (a load balancer's sane
 * one, else a new one) on the request and the response; pages get a CSP with
 * a fresh script nonce, the API a CSP that allows nothing; HSTS when the
 * public URL is https.
 */
export function proxyResponse(request: NextRequest, e: Env): NextResponse {
  // lib/server/http-lifecycle.ts already replaced a client's id unless it came from a trusted proxy.
  const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
  const refused = refuseBadRequest(request, requestId);
  if (refused) return refused;
  const https = publicUrl(e).startsWith("https:");
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const csp = isApi ? API_CONTENT_SECURITY_POLICY : contentSecurityPolicy({ nonce: createNonce(), dev: e.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  // Next takes the nonce for its own scripts from the request's CSP header.
  if (!isApi) requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/**
 * The streamed upload route bypasses the proxy: Next copies a request body
 * into memory for a proxy (all of it, twice, up to
 * proxyClientMaxBodySize, and cuts it there), so a 25 MB document would be
 * truncated at 10 MB or buffered whole. See UNPROXIED_UPLOAD in proxy.ts.
 * Its response gets the headers the proxy would have set; the request id is
 * already on the request (lib/server/http-lifecycle.ts).
 */
export function withApiHeaders(request: Request, response: Response, e: Env): Response {
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  if (requestId) response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  if (publicUrl(e).startsWith("https:")) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

/** Where a page URL that cannot be decoded is sent: no route serves it, so the app's not-found page answers (404). */
export const MALFORMED_URL_PATH = "/_malformed-url";

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * What must not reach the routes: a method the path does not answer (405
 * with `Allow` and the app's JSON error; TRACE was a 500) and a path with a
 * malformed percent-encoding (`/projects/%E0%A4%A` was a plain-text 500):
 * the API answers 400 JSON, a page the app's not-found page.
 */
function refuseBadRequest(request: NextRequest, requestId: string): NextResponse | null {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  if (!isDecodable(pathname)) {
    if (isApi) return jsonRefusal("BAD_REQUEST", "The URL has a malformed percent-encoding.", requestId);
    const url = request.nextUrl.clone();
    url.pathname = MALFORMED_URL_PATH;
    url.search = "";
    return NextResponse.rewrite(url, { headers: { [REQUEST_ID_HEADER]: requestId } });
  }
  const method = (request.headers.get(REFUSED_METHOD_HEADER) ?? request.method).toUpperCase();
  if (method === "OPTIONS" && isApi) return null; // Next answers it with the route's Allow
  const allowed = allowedMethods(pathname);
  if (!allowed || allowed.includes(method)) return null;
  const response = jsonRefusal("METHOD_NOT_ALLOWED", `${method.slice(0, 20)} is not allowed here. Allowed: ${allowed.join(", ")}.`, requestId);
  response.headers.set("Allow", allowed.join(", "));
  return response;
}

function jsonRefusal(code: ErrorCode, message: string, requestId: string): NextResponse {
  const response = NextResponse.json({ error: { code, message, requestId } }, { status: ERROR_STATUS[code] });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
