/**
 * Which methods each API route answers, for the proxy: a request with any
 * other method gets a 405 with an `Allow` header and the app's JSON error
 * (Next answers an unexported method with an empty 405 without `Allow`, and
 * TRACE with a 500). lib/http/allowed-methods.test.ts checks this table
 * against the methods app/api/**\/route.ts export, so it cannot drift.
 * No Next imports (proxy.ts).
 */
export const API_ROUTE_METHODS: readonly { route: string; pattern: RegExp; methods: readonly string[] }[] = [
  { route: "projects", pattern: /^\/api\/projects\/?$/, methods: ["GET"] },
  { route: "projects/export", pattern: /^\/api\/projects\/export\/?$/, methods: ["GET"] },
  { route: "projects/[slug]", pattern: /^\/api\/projects\/[^/]+\/?$/, methods: ["GET", "PATCH"] },
  { route: "projects/[slug]/milestones", pattern: /^\/api\/projects\/[^/]+\/milestones\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/milestones/[milestoneId]", pattern: /^\/api\/projects\/[^/]+\/milestones\/[^/]+\/?$/, methods: ["PATCH"] },
  { route: "projects/[slug]/risks", pattern: /^\/api\/projects\/[^/]+\/risks\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/risks/[riskId]", pattern: /^\/api\/projects\/[^/]+\/risks\/[^/]+\/?$/, methods: ["PATCH"] },
  { route: "projects/[slug]/risks/[riskId]/assessments", pattern: /^\/api\/projects\/[^/]+\/risks\/[^/]+\/assessments\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/risks/[riskId]/actions", pattern: /^\/api\/projects\/[^/]+\/risks\/[^/]+\/actions\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/risks/[riskId]/actions/[actionId]", pattern: /^\/api\/projects\/[^/]+\/risks\/[^/]+\/actions\/[^/]+\/?$/, methods: ["PATCH"] },
  { route: "projects/[slug]/gate-process", pattern: /^\/api\/projects\/[^/]+\/gate-process\/?$/, methods: ["PUT"] },
  { route: "projects/[slug]/gate-reviews", pattern: /^\/api\/projects\/[^/]+\/gate-reviews\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/gate-reviews/[reviewId]", pattern: /^\/api\/projects\/[^/]+\/gate-reviews\/[^/]+\/?$/, methods: ["PATCH"] },
  { route: "projects/[slug]/gate-reviews/[reviewId]/conditions", pattern: /^\/api\/projects\/[^/]+\/gate-reviews\/[^/]+\/conditions\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/gate-reviews/[reviewId]/decision", pattern: /^\/api\/projects\/[^/]+\/gate-reviews\/[^/]+\/decision\/?$/, methods: ["POST"] },
  { route: "projects/[slug]/gate-reviews/[reviewId]/response", pattern: /^\/api\/projects\/[^/]+\/gate-reviews\/[^/]+\/response\/?$/, methods: ["PUT"] },
  { route: "projects/[slug]/gate-conditions/[conditionId]", pattern: /^\/api\/projects\/[^/]+\/gate-conditions\/[^/]+\/?$/, methods: ["PATCH"] },
  { route: "projects/[slug]/documents", pattern: /^\/api\/projects\/[^/]+\/documents\/?$/, methods: ["POST"] },
  { route: "documents/[versionId]", pattern: /^\/api\/documents\/[^/]+\/?$/, methods: ["GET"] },
  { route: "capex/rate-sets", pattern: /^\/api\/capex\/rate-sets\/?$/, methods: ["POST"] },
  { route: "views", pattern: /^\/api\/views\/?$/, methods: ["GET", "POST"] },
  { route: "views/preferences", pattern: /^\/api\/views\/preferences\/?$/, methods: ["PUT"] },
  { route: "views/default", pattern: /^\/api\/views\/default\/?$/, methods: ["PUT"] },
  { route: "views/[id]", pattern: /^\/api\/views\/[^/]+\/?$/, methods: ["GET", "PATCH", "DELETE"] },
  { route: "admin/import", pattern: /^\/api\/admin\/import\/?$/, methods: ["POST"] },
  { route: "admin/import/template", pattern: /^\/api\/admin\/import\/template\/?$/, methods: ["GET"] },
  { route: "tokens", pattern: /^\/api\/tokens\/?$/, methods: ["GET", "POST"] },
  { route: "tokens/[id]", pattern: /^\/api\/tokens\/[^/]+\/?$/, methods: ["DELETE"] },
  { route: "openapi.json", pattern: /^\/api\/openapi\.json$/, methods: ["GET"] },
  { route: "admin/[action]", pattern: /^\/api\/admin\/[^/]+\/?$/, methods: ["POST"] },
  { route: "auth/[...all]", pattern: /^\/api\/auth(\/.*)?$/, methods: ["GET", "POST"] },
  { route: "health", pattern: /^\/api\/health\/?$/, methods: ["GET"] },
  { route: "ready", pattern: /^\/api\/ready\/?$/, methods: ["GET"] },
];

/** Pages answer GET and HEAD; POST carries server actions. */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;

/** The methods a path answers (HEAD wherever GET is), or null for a path no route serves (Next's 404 then). */
export function allowedMethods(pathname: string): string[] | null {
  if (!pathname.startsWith("/api/") && pathname !== "/api") return [...PAGE_METHODS];
  // the first match: static segments are listed before the dynamic ones they shadow
  const entry = API_ROUTE_METHODS.find((e) => e.pattern.test(pathname));
  if (!entry) return null;
  return entry.methods.includes("GET") ? [...entry.methods, "HEAD"] : [...entry.methods];
}

/**
 * Methods the Fetch standard forbids: Next cannot even build a Request for
 * them (TRACE was a 500). lib/server/http-lifecycle.ts turns such a request
 * into a GET carrying the real method in REFUSED_METHOD_HEADER (a header it
 * removes from every other request), and the proxy answers it 405.
 */
export const FETCH_FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
export const REFUSED_METHOD_HEADER = "x-lodestone-refused-method";
