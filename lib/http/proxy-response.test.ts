import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { proxyResponse, withApiHeaders } from "./proxy-response";
import { API_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "./security-headers";

function run(path: string, headers: Record<string, string> = {}, env: Record<string, string> = {}) {
  return proxyResponse(new NextRequest(`http://localhost:3000${path}`, { headers }), parseEnv({ NODE_ENV: "production", ...env }));
}

/** NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way. */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("proxyResponse", () => {
  it("gives a page a CSP with a fresh script nonce, no unsafe-inline scripts, and passes it to Next", () => {
    const a = run("/projects");
    const b = run("/projects");
    const csp = a.headers.get("content-security-policy")!;
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
    expect(script).not.toContain("unsafe-inline");
    for (const d of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) expect(csp).toContain(d);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(forwarded(a, "content-security-policy")).toBe(csp);
  });

  it("sets a request id on the request and the response, keeping a sane incoming one", () => {
    const fresh = run("/");
    const id = fresh.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded(fresh, "x-request-id")).toBe(id);
    expect(run("/", { "x-request-id": "lb-123" }).headers.get("x-request-id")).toBe("lb-123");
    expect(run("/", { "x-request-id": "bad id with spaces" }).headers.get("x-request-id")).not.toBe("bad id with spaces");
  });

  it("gives the API a CSP that allows nothing, and no HSTS over http", () => {
    const res = run("/api/projects");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends HSTS and upgrade-insecure-requests only when the public URL is https", () => {
    const res = run("/projects", {}, { BETTER_AUTH_URL: "https://lodestone.example.com" });
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(run("/projects").headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval in development only (React's dev tooling needs it)", () => {
    expect(run("/", {}, { NODE_ENV: "development" }).headers.get("content-security-policy")).toContain("'unsafe-eval'");
    expect(run("/").headers.get("content-security-policy")).not.toContain("unsafe-eval");
  });
});

describe("withApiHeaders (the upload route that bypasses the proxy)", () => {
  it("sets the API CSP, the request's id and, behind https, HSTS", () => {
    const request = new Request("http://localhost:3000/api/projects/x/documents", { headers: { "x-request-id": "0f8fad5b-d9cb-469f-a165-70867728950e" } });
    const plain = withApiHeaders(request, new Response("{}"), parseEnv({ NODE_ENV: "production" }));
    expect(plain.headers.get("content-security-policy")).toBe(API_CONTENT_SECURITY_POLICY);
    expect(plain.headers.get("x-request-id")).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = withApiHeaders(request, new Response("{}"), parseEnv({ NODE_ENV: "production", BETTER_AUTH_URL: "https://lodestone.example" }));
    expect(secure.headers.get("strict-transport-security")).toBe(STRICT_TRANSPORT_SECURITY);
  });
});
