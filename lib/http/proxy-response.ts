import { NextResponse, type NextRequest } from "next/server";
import { publicUrl, type Env } from "../env";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "../log/request-id";
import { API_CONTENT_SECURITY_POLICY, contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "./security-headers";

/**
 * proxy.ts' work, for every request: a request id (a load balancer's sane
 * one, else a new one) on the request and the response; pages get a CSP with
 * a fresh script nonce, the API a CSP that allows nothing; HSTS when the
 * public URL is https.
 */
export function proxyResponse(request: NextRequest, e: Env): NextResponse {
  const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
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
