import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { clientUsage } from "./client-graph";
import { LAYOUT_NAMESPACES, ROUTE_NAMESPACES, type RouteNamespaces } from "./client-namespaces";
import { pickMessages } from "./pick-messages";

const root = join(import.meta.dirname, "..", "..");
const app = join(root, "app");

function files(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return files(path, name);
    return entry === name ? [relative(root, path)] : [];
  });
}

const covers = (listed: string, used: string) => used === listed || used.startsWith(`${listed}.`);

/** Each used namespace carried by a listed one (itself or an ancestor), and each listed one carrying some used one. */
function expectExact(listed: readonly string[], used: readonly string[], where: string) {
  expect(
    used.filter((u) => !listed.some((l) => covers(l, u))),
    `${where}: used by client code, missing from its provider`,
  ).toEqual([]);
  expect(
    listed.filter((l) => !used.some((u) => covers(l, u))),
    `${where}: listed, but no client code uses it`,
  ).toEqual([]);
}

const listed = (entry: RouteNamespaces) => [...entry.always, ...(entry.editing ?? [])].sort();
const routeKey = (page: string) =>
  relative(app, dirname(join(root, page)))
    .split("\\")
    .join("/");

describe("client message namespaces per route", () => {
  const pages = files(app, "page.tsx");

  it("lists every page, and only pages", () => {
    expect(Object.keys(ROUTE_NAMESPACES).sort()).toEqual(pages.map(routeKey).sort());
  });

  it.each(pages)("%s provides exactly what its client components use", (page) => {
    const usage = clientUsage([page]);
    expect(usage.unreadable, "client code must name its namespace literally").toEqual([]);
    const key = routeKey(page) as keyof typeof ROUTE_NAMESPACES;
    expectExact(listed(ROUTE_NAMESPACES[key]), usage.namespaces, page);
    if (usage.namespaces.length) {
      // The page wraps its content in its provider (a provider further down would miss client code above it).
      expect(
        readFileSync(join(root, page), "utf8").includes(`<ClientMessages route="${key}"`),
        `${page} wraps its content in <ClientMessages route="${key}">`,
      ).toBe(true);
    }
  });

  it("the layout's provider covers the layout, error, not-found, forbidden and loading states", () => {
    const shells = [
      ...files(app, "layout.tsx"),
      ...files(app, "error.tsx"),
      ...files(app, "not-found.tsx"),
      ...files(app, "forbidden.tsx"),
      ...files(app, "loading.tsx"),
    ];
    const usage = clientUsage(shells);
    expect(usage.unreadable).toEqual([]);
    expectExact(listed(LAYOUT_NAMESPACES), usage.namespaces, "app/layout.tsx");
  });

  it("every listed namespace exists in both catalogs", () => {
    for (const entry of [LAYOUT_NAMESPACES, ...Object.values(ROUTE_NAMESPACES)]) {
      expect(() => pickMessages(en, listed(entry))).not.toThrow();
      expect(() => pickMessages(zh, listed(entry))).not.toThrow();
    }
  });
});

describe("the client-code walk", () => {
  it("finds a namespace used by a client component several imports below a page", () => {
    // The project page's status form sits below a server component that imports it.
    expect(clientUsage(["app/projects/[slug]/page.tsx"]).namespaces).toContain("edit.status");
  });

  it("ignores translations in server components", () => {
    // The admin navigation translates on the server: its namespace never travels.
    expect(clientUsage(["app/admin/audit/page.tsx"]).namespaces).not.toContain("org.nav");
  });
});

describe("pickMessages", () => {
  const catalog = { a: { x: "1", y: { z: "2" } }, b: { w: "3" }, c: "4" };

  it("keeps only the named subtrees, nested as in the catalog", () => {
    expect(pickMessages(catalog, ["a.y", "c"])).toEqual({ a: { y: { z: "2" } }, c: "4" });
    expect(pickMessages(catalog, ["b", "a.x"])).toEqual({ b: { w: "3" }, a: { x: "1" } });
  });

  it("fails on a namespace the catalog lacks, instead of sending nothing", () => {
    expect(() => pickMessages(catalog, ["a.nope"])).toThrow(/a\.nope/);
    expect(() => pickMessages(catalog, ["c.deeper"])).toThrow(/c\.deeper/);
  });
});
