import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, API_ROUTE_METHODS } from "./allowed-methods";

const API = path.join(process.cwd(), "app/api");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : d.name === "route.ts" ? [p] : [];
  });
}

function exportedMethods(source: string): string[] {
  const named = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => m[1]);
  const aliased = [...source.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
    [...m[1].matchAll(/\bas (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((a) => a[1]),
  );
  return [...new Set([...named, ...aliased])].sort();
}

describe("the proxy's table of API methods", () => {
  it("lists every API route with exactly the methods it exports", () => {
    const actual = Object.fromEntries(routeFiles(API).map((f) => [path.relative(API, path.dirname(f)), exportedMethods(fs.readFileSync(f, "utf8"))]));
    const table = Object.fromEntries(API_ROUTE_METHODS.map((e) => [e.route, [...e.methods].sort()]));
    expect(table).toEqual(actual);
  });

  it("matches each route's own paths to its entry", () => {
    expect(allowedMethods("/api/projects/export")).toEqual(["GET", "HEAD"]);
    expect(allowedMethods("/api/projects/kinsevere")).toEqual(["GET", "PATCH", "HEAD"]);
    expect(allowedMethods("/api/views/preferences")).toEqual(["PUT"]);
    expect(allowedMethods("/api/views/0b5f")).toEqual(["GET", "PATCH", "DELETE", "HEAD"]);
    expect(allowedMethods("/api/auth/sign-in/email")).toEqual(["GET", "POST", "HEAD"]);
    expect(allowedMethods("/api/nothing-here")).toBeNull();
    expect(allowedMethods("/projects/kinsevere")).toEqual(["GET", "HEAD", "POST"]);
  });
});
