import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { FETCH_FORBIDDEN_METHODS, REFUSED_METHOD_HEADER } from "./allowed-methods";
import { MALFORMED_URL_PATH, proxyResponse } from "./proxy-response";

/** TRACE never reaches the proxy as such: the HTTP lifecycle hands it over as a GET naming the method (lib/http/allowed-methods.ts). */
const run = (path: string, method = "GET") =>
  proxyResponse(
    FETCH_FORBIDDEN_METHODS.has(method)
      ? new NextRequest(`http://localhost:3000${path}`, { headers: { [REFUSED_METHOD_HEADER]: method } })
      : new NextRequest(`http://localhost:3000${path}`, { method }),
    parseEnv({ NODE_ENV: "production" }),
  );

describe("proxyResponse refusals", () => {
  it("answers a method a route does not serve with 405, Allow and the app's JSON error", async () => {
    for (const [path, method, allow] of [
      ["/api/projects", "DELETE", "GET, HEAD"],
      ["/api/projects/kinsevere", "TRACE", "GET, PATCH, HEAD"],
      ["/api/views/preferences", "GET", "PUT"],
      ["/projects", "TRACE", "GET, HEAD, POST"],
      ["/projects/kinsevere", "PUT", "GET, HEAD, POST"],
    ]) {
      const res = run(path, method);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: "METHOD_NOT_ALLOWED", message: expect.stringContaining(allow) });
      expect(res.headers.get("x-request-id")).toBe(body.error.requestId);
    }
    expect(run("/api/projects", "GET").status).toBe(200); // passes on to the route
    expect(run("/api/projects", "OPTIONS").status).toBe(200);
  });

  it("sends a page URL with a malformed percent-encoding to the not-found page, and answers the API 400 JSON", async () => {
    const page = run("/projects/%E0%A4%A");
    expect(new URL(page.headers.get("x-middleware-rewrite")!).pathname).toBe(MALFORMED_URL_PATH);
    const api = run("/api/projects/%E0%A4%A");
    expect(api.status).toBe(400);
    expect((await api.json()).error.code).toBe("BAD_REQUEST");
    expect(run("/projects/%E4%BA%94").headers.get("x-middleware-rewrite")).toBeNull();
  });
});
