import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, API_ROUTE_METHODS } from "../http/allowed-methods";
import { ADMIN_ACTIONS } from "../org/admin-api";
import { buildOpenApiDocument } from "./document";
import { ADMIN_ACTION_SCHEMAS, API_OPERATIONS } from "./operations";

const API = path.join(process.cwd(), "app/api");

/** The methods app/api/<route>/route.ts exports: the real routes, read from their source. */
function exported(route: string): string[] {
  const source = fs.readFileSync(path.join(API, route, "route.ts"), "utf8");
  const named = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
  const aliased = [...source.matchAll(/export (?:const )?\{([^}]*)\}/g)].flatMap((m) =>
    [...m[1].matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map((a) => a[1]),
  );
  return [...new Set([...named, ...aliased])];
}

/** A concrete URL for a documented path: every {param} a plausible value. */
const concrete = (p: string) => p.replace(/\{[^}]+\}/g, "x1");

describe("the OpenAPI description", () => {
  const doc = buildOpenApiDocument("http://lodestone.test");

  it("describes only paths and methods the real routes serve, each under its own route", () => {
    for (const op of API_OPERATIONS) {
      expect(allowedMethods(concrete(op.path)), op.path).toContain(op.method);
      // the path falls to the route it names in the proxy's table (the first match), and that route.ts exports the method
      expect(API_ROUTE_METHODS.find((e) => e.pattern.test(concrete(op.path)))?.route, op.path).toBe(op.route);
      expect(exported(op.route), `${op.method} ${op.route}`).toContain(op.method);
    }
    for (const [p, methods] of Object.entries(doc.paths))
      for (const m of Object.keys(methods)) expect(API_OPERATIONS.some((o) => o.path === p && o.method.toLowerCase() === m)).toBe(true);
  });

  it("describes every method of every route (the auth library's endpoints by their sign-in)", () => {
    for (const entry of API_ROUTE_METHODS)
      for (const method of exported(entry.route))
        expect(
          API_OPERATIONS.some((o) => o.route === entry.route && o.method === method),
          `${method} /api/${entry.route} is not described`,
        ).toBe(true);
    expect(Object.keys(ADMIN_ACTION_SCHEMAS).sort()).toEqual(Object.keys(ADMIN_ACTIONS).sort());
  });

  it("gives every route that reads a body or a query its schema, and examples the schema accepts", () => {
    for (const op of API_OPERATIONS) {
      const source = fs.readFileSync(path.join(API, op.route, "route.ts"), "utf8");
      // the handler's own text: from its export to the next one
      const handler =
        source.split(/(?=export (?:async )?function )/).find((part) => new RegExp(`^export (?:async )?function ${op.method}\\b`).test(part)) ?? "";
      if (/readJson\(|searchParams/.test(handler) && op.method !== "GET") expect(op.body, `${op.method} ${op.path} reads a body`).toBeDefined();
      if (op.body) {
        expect(op.example, `${op.method} ${op.path} has an example`).toBeDefined();
        const parsed = op.body.safeParse(op.example);
        expect(parsed.success, `${op.method} ${op.path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
    const patch = (
      doc.paths["/api/projects/{slug}"] as Record<
        string,
        { requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> } }
      >
    ).patch;
    const schema = patch.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["version"]);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["health", "stage", "progressPercent", "forecastFinish"]));
    const list = (doc.paths["/api/projects"] as Record<string, { parameters: { name: string }[] }>).get;
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["q", "stage", "page", "pageSize", "sort"]));
  });

  it("is a JSON document with unique operation ids", () => {
    expect(doc.openapi).toBe("3.1.0");
    const ids = Object.values(doc.paths).flatMap((m) => Object.values(m).map((o) => (o as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
