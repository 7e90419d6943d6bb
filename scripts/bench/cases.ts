import type { Request } from "autocannon";
import type { CaseId } from "./args";

/** What the bench measures: each case is one kind of request a user makes. */
export interface BenchCase {
  id: CaseId;
  name: string;
  method: "GET" | "PATCH";
  /** The path, or for the status update a pattern over the pool of projects. */
  path: string;
  /** Whose session it sends (anonymous: none). */
  as: "reader" | "admin" | "anonymous";
  writes: boolean;
}

export const FILTER = "region=CHINA&stage=CONSTRUCTION&q=copper";

export function benchCases(projectSlug: string): BenchCase[] {
  const project = encodeURIComponent(projectSlug);
  return [
    { id: "list-api", name: "List API, first page", method: "GET", path: "/api/projects", as: "reader", writes: false },
    { id: "list-api-anonymous", name: "List API, first page, anonymous", method: "GET", path: "/api/projects", as: "anonymous", writes: false },
    { id: "list-api-filtered", name: "List API, region + stage + search", method: "GET", path: `/api/projects?${FILTER}`, as: "reader", writes: false },
    { id: "list-page", name: "List page, region + stage + search", method: "GET", path: `/projects?${FILTER}`, as: "reader", writes: false },
    { id: "dashboard", name: "Dashboard page", method: "GET", path: "/dashboard", as: "reader", writes: false },
    { id: "project-page", name: "Project page", method: "GET", path: `/projects/${project}`, as: "reader", writes: false },
    { id: "status-update", name: "Status update (PATCH progress)", method: "PATCH", path: "/api/projects/<one of the pool>", as: "admin", writes: true },
  ];
}

/** The framework ceiling: the product's liveness route, which does no work (app/api/health/route.ts); no bench-only route ships. */
export const STATIC_PATH = "/api/health";

// ---------------------------------------------------------------------------
// Status updates. Every edit names the version it is based on, so the bench
// keeps each project's current version and progress, taking them from every
// answer. Requests go round the pool, so that concurrent connections edit
// different projects; a 409 (two edits of one project crossed) is counted
// apart from errors and its answer's current version is taken.

export interface PoolProject {
  slug: string;
  version: number;
  progressPercent: number | null;
}

export interface UpdatePool {
  projects: PoolProject[];
  next: number;
}

/** A progress that differs from the current one and stays within 0–100. */
export function nextProgress(current: number | null): number {
  if (current === null) return 50;
  return current >= 50 ? current - 1 : current + 1;
}

/** The next edit: its path and JSON body. */
export function nextUpdate(pool: UpdatePool): { project: PoolProject; path: string; body: string } {
  const project = pool.projects[pool.next++ % pool.projects.length];
  const body = JSON.stringify({ version: project.version, progressPercent: nextProgress(project.progressPercent), comment: "Benchmark update" });
  return { project, path: `/api/projects/${encodeURIComponent(project.slug)}`, body };
}

/** Takes the version and progress from an update's answer (200, or 409 with the current state). */
export function applyUpdateAnswer(project: PoolProject, status: number, body: string): void {
  try {
    const json = JSON.parse(body) as { version?: unknown; progressPercent?: unknown; error?: { current?: { version?: unknown; progressPercent?: unknown } } };
    const state = status === 200 ? json : json.error?.current;
    if (state && typeof state.version === "number") {
      project.version = state.version;
      if (typeof state.progressPercent === "number" || state.progressPercent === null) project.progressPercent = state.progressPercent;
    }
  } catch {
    // not JSON: counted by its status
  }
}

/** autocannon requests for a case; the status update's are built per request from the pool. */
export function caseRequests(c: BenchCase, headers: Record<string, string>, pool: UpdatePool): Request[] {
  if (!c.writes) return [{ method: c.method, path: c.path, headers }];
  return [
    {
      method: "PATCH",
      headers: { ...headers, "content-type": "application/json" },
      setupRequest: (request, context) => {
        const { project, path, body } = nextUpdate(pool);
        context.project = project;
        return { ...request, path, body };
      },
      onResponse: (status, body, context) => applyUpdateAnswer(context.project as PoolProject, status, body),
    },
  ];
}

/** One request of a case, sent as the load would send it; returns its status. */
export async function sendOnce(base: string, c: BenchCase, headers: Record<string, string>, pool: UpdatePool): Promise<number> {
  if (!c.writes) {
    const res = await fetch(base + c.path, { headers, signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    return res.status;
  }
  const { project, path, body } = nextUpdate(pool);
  const res = await fetch(base + path, {
    method: "PATCH",
    headers: { ...headers, "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  applyUpdateAnswer(project, res.status, text);
  return res.status;
}
