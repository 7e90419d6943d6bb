import type { Request } from "autocannon";
import type { PeerArgs } from "./args";
import { caseRequests, nextProgress, sendOnce, type BenchCase, type UpdatePool } from "./cases";
import { httpLoad, type LoadResult } from "./load";
import { percentile } from "./stats";

/**
 * The peer comparison (`npm run bench -- --peer redmine`, decision 0079):
 * Redmine 5, started by hand on the same PostgreSQL server with the same
 * synthetic portfolio (scripts/bench/redmine-load.ts), measured in the same
 * run as Lodestone, case by case, alternating the two run by run, so that a
 * burst of other work on a shared machine falls on both and each round's
 * ratio compares neighbours in time. The bench installs and starts nothing of
 * Redmine's.
 */

export const PEER_CASE_IDS = ["list-json", "list-page", "project-page", "write"] as const;
export type PeerCaseId = (typeof PEER_CASE_IDS)[number];

/** A request to Redmine: a fixed path, or for the write one built per request from the pool. */
export interface PeerRequest {
  method: "GET" | "PUT";
  path: string;
  /** Sent with the API key (JSON) or the signed-in page session (HTML). */
  auth: "key" | "session";
}

export interface PeerCase {
  id: PeerCaseId;
  name: string;
  /** Lodestone's request: a suite case (its id names the ceilings it shares). */
  lodestone: BenchCase;
  /** The suite case whose database ceiling is the same work, if it ran. */
  ceilingOf?: BenchCase["id"];
  peer: PeerRequest;
}

/** The pairs: what Lodestone request stands against what Redmine request. */
export function peerCases(projectSlug: string): PeerCase[] {
  const project = encodeURIComponent(projectSlug);
  return [
    {
      id: "list-json",
      name: "List JSON, first page of 25 with the total",
      lodestone: { id: "list-api", name: "List API", method: "GET", path: "/api/projects", as: "reader", writes: false },
      ceilingOf: "list-api",
      peer: { method: "GET", path: "/projects.json?limit=25", auth: "key" },
    },
    {
      id: "list-page",
      name: "List page, first page, unfiltered",
      lodestone: { id: "list-page", name: "List page", method: "GET", path: "/projects", as: "reader", writes: false },
      peer: { method: "GET", path: "/projects?display_type=list", auth: "session" },
    },
    {
      id: "project-page",
      name: "One project's page (Redmine: its overview)",
      lodestone: { id: "project-page", name: "Project page", method: "GET", path: `/projects/${project}`, as: "reader", writes: false },
      ceilingOf: "project-page",
      peer: { method: "GET", path: `/projects/${project}`, auth: "session" },
    },
    {
      id: "write",
      name: "A write with a note (Lodestone: PATCH progress; Redmine: PUT an issue's done ratio)",
      lodestone: { id: "status-update", name: "Status update", method: "PATCH", path: "/api/projects/<one of the pool>", as: "admin", writes: true },
      ceilingOf: "status-update",
      peer: { method: "PUT", path: "/issues/<one of the pool>.json", auth: "key" },
    },
  ];
}

// ---------------------------------------------------------------------------
// Redmine's side: its write pool and its sessions.

export interface PeerIssue {
  id: number;
  doneRatio: number;
}
export interface PeerPool {
  issues: PeerIssue[];
  next: number;
}

/** The next write: an issue of the pool, a done ratio that differs from its current one, and a note (a journal, as ours is a history entry). */
export function nextPeerUpdate(pool: PeerPool): { issue: PeerIssue; path: string; body: string } {
  const issue = pool.issues[pool.next++ % pool.issues.length];
  issue.doneRatio = nextProgress(issue.doneRatio);
  return { issue, path: `/issues/${issue.id}.json`, body: JSON.stringify({ issue: { done_ratio: issue.doneRatio, notes: "Benchmark update" } }) };
}

export interface PeerAuth {
  apiKey: string;
  /** Cookie header of a signed-in session, or undefined: pages are read anonymously. */
  cookie?: string;
}

export function peerHeaders(auth: PeerAuth, kind: PeerRequest["auth"]): Record<string, string> {
  if (kind === "key") return { "x-redmine-api-key": auth.apiKey };
  return auth.cookie ? { cookie: auth.cookie } : {};
}

/** autocannon requests for a Redmine case. */
export function peerRequests(c: PeerRequest, auth: PeerAuth, pool: PeerPool): Request[] {
  const headers = peerHeaders(auth, c.auth);
  if (c.method === "GET") return [{ method: "GET", path: c.path, headers }];
  return [
    {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json" },
      setupRequest: (request) => {
        const { path, body } = nextPeerUpdate(pool);
        return { ...request, path, body };
      },
    },
  ];
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in to Redmine through its login form (CSRF token and session cookie), as a browser does; returns the Cookie header. */
export async function peerSignIn(base: string, user: string, password: string): Promise<string> {
  const form = await fetch(`${base}/login`, { signal: AbortSignal.timeout(60_000) });
  const html = await form.text();
  const token = /name="authenticity_token" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`${base}/login has no authenticity_token (is it Redmine?)`);
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(form).join("; ") },
    body: new URLSearchParams({ authenticity_token: token, username: user, password, back_url: `${base}/` }).toString(),
    signal: AbortSignal.timeout(60_000),
  });
  const cookies = cookiesOf(res);
  if (res.status !== 302 || !cookies.length || !(res.headers.get("location") ?? "").startsWith(base))
    throw new Error(`Redmine sign-in as ${user} failed (${res.status}; wrong password, or the account must change its password first?)`);
  return cookies.join("; ");
}

async function peerJson<T>(base: string, path: string, auth: PeerAuth): Promise<T> {
  const res = await fetch(base + path, { headers: peerHeaders(auth, "key"), signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`Redmine GET ${path} answered ${res.status}: ${text.slice(0, 200)} (REST API on? key right?)`);
  return JSON.parse(text) as T;
}

/** How many projects Redmine holds (to refuse comparing different portfolios) and the issues the write goes round. */
export async function preparePeer(base: string, auth: PeerAuth, poolSize: number): Promise<{ projects: number; pool: PeerPool }> {
  const { total_count } = await peerJson<{ total_count: number }>(base, "/projects.json?limit=1", auth);
  const issues: PeerIssue[] = [];
  for (let offset = 0; issues.length < poolSize; offset += 100) {
    const page = await peerJson<{ issues: { id: number; done_ratio: number }[] }>(
      base,
      `/issues.json?status_id=*&sort=id:desc&limit=100&offset=${offset}`,
      auth,
    );
    issues.push(...page.issues.map((i) => ({ id: i.id, doneRatio: i.done_ratio })));
    if (page.issues.length < 100) break;
  }
  if (!issues.length) throw new Error("Redmine has no issues for the write: load the portfolio with scripts/bench/redmine-load.ts");
  return { projects: total_count, pool: { issues: issues.slice(0, poolSize), next: 0 } };
}

// ---------------------------------------------------------------------------
// Measuring and the ratios.

export interface PeerRound {
  lodestone: LoadResult;
  peer: LoadResult;
  /** Lodestone req/s ÷ the peer's, this round. */
  ratio?: number;
}

export interface PeerLevel {
  connections: number;
  rounds: PeerRound[];
  /** The median of the rounds' ratios (each compares two neighbouring measurements). */
  ratio?: number;
  minRatio?: number;
  maxRatio?: number;
}

export interface PeerOutcome {
  id: PeerCaseId;
  name: string;
  lodestonePath: string;
  peerPath: string;
  /** Response bytes of one warm-up request (before compression). */
  lodestoneBytes?: number;
  peerBytes?: number;
  ceilingOf?: BenchCase["id"];
  levels: PeerLevel[];
}

export interface PeerResult {
  kind: PeerArgs["kind"];
  url: string;
  projects: number;
  /** Whether Redmine's pages were read signed in (true) or anonymously. */
  pagesSignedIn: boolean;
  cases: PeerOutcome[];
}

/** Lodestone req/s ÷ peer req/s; undefined when either did not answer. */
export function peerRatio(lodestoneRps: number | undefined, peerRps: number | undefined): number | undefined {
  if (!lodestoneRps || !peerRps) return undefined;
  return Math.round((lodestoneRps / peerRps) * 100) / 100;
}

/** A level's summary over its rounds: the median ratio and its range. */
export function summarizeRounds(connections: number, rounds: PeerRound[]): PeerLevel {
  const ratios = rounds.map((r) => r.ratio).filter((r): r is number => r !== undefined);
  if (!ratios.length) return { connections, rounds };
  return {
    connections,
    rounds,
    ratio: Math.round(percentile(ratios, 50) * 100) / 100,
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
  };
}

/** Whether round k measures Lodestone first: alternating, so neither side always runs on the machine the other just warmed (or loaded). */
export const lodestoneFirst = (round: number) => round % 2 === 0;

async function bytesOf(url: string, init: RequestInit): Promise<number> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
  return (await res.arrayBuffer()).byteLength;
}

/** Runs every pair at every connection count, `rounds` times alternating Lodestone and the peer. */
export async function measurePeer(opts: {
  peer: PeerArgs;
  auth: PeerAuth;
  peerPool: PeerPool;
  projects: number;
  lodestoneBase: string;
  lodestoneHeaders: (c: BenchCase) => Record<string, string>;
  lodestonePool: UpdatePool;
  projectSlug: string;
  connections: number[];
  seconds: number;
}): Promise<PeerResult> {
  const cases: PeerOutcome[] = [];
  for (const pc of peerCases(opts.projectSlug)) {
    const headers = opts.lodestoneHeaders(pc.lodestone);
    const peerHeadersOf = peerHeaders(opts.auth, pc.peer.auth);
    // Warm-up, one request at a time on each side: caches, JIT, Rails' first render of the view.
    for (let i = 0; i < 5; i++) {
      await sendOnce(opts.lodestoneBase, pc.lodestone, headers, opts.lodestonePool);
      if (pc.peer.method === "GET") await fetch(opts.peer.url + pc.peer.path, { headers: peerHeadersOf }).then((r) => r.arrayBuffer());
      else {
        const { path, body } = nextPeerUpdate(opts.peerPool);
        const res = await fetch(opts.peer.url + path, { method: "PUT", headers: { ...peerHeadersOf, "content-type": "application/json" }, body });
        await res.arrayBuffer();
        if (res.status >= 400) throw new Error(`Redmine PUT ${path} answered ${res.status}`);
      }
    }
    const outcome: PeerOutcome = {
      id: pc.id,
      name: pc.name,
      lodestonePath: pc.lodestone.path,
      peerPath: pc.peer.path,
      ceilingOf: pc.ceilingOf,
      levels: [],
    };
    if (!pc.lodestone.writes) {
      outcome.lodestoneBytes = await bytesOf(opts.lodestoneBase + pc.lodestone.path, { headers });
      outcome.peerBytes = await bytesOf(opts.peer.url + pc.peer.path, { headers: peerHeadersOf });
    }
    for (const connections of opts.connections) {
      const rounds: PeerRound[] = [];
      for (let k = 0; k < opts.peer.rounds; k++) {
        const lodestone = () =>
          httpLoad({ url: opts.lodestoneBase, connections, seconds: opts.seconds, requests: caseRequests(pc.lodestone, headers, opts.lodestonePool) });
        const peer = () => httpLoad({ url: opts.peer.url, connections, seconds: opts.seconds, requests: peerRequests(pc.peer, opts.auth, opts.peerPool) });
        let l: LoadResult;
        let p: LoadResult;
        if (lodestoneFirst(k)) {
          l = await lodestone();
          p = await peer();
        } else {
          p = await peer();
          l = await lodestone();
        }
        const round = { lodestone: l, peer: p, ratio: peerRatio(l.rps, p.rps) };
        rounds.push(round);
        console.log(
          `  peer ${pc.id.padEnd(13)} ${String(connections).padStart(3)} conn, round ${k + 1}: Lodestone ${l.rps} req/s, ${opts.peer.kind} ${p.rps} req/s → ×${round.ratio ?? "–"}`,
        );
      }
      outcome.levels.push(summarizeRounds(connections, rounds));
    }
    cases.push(outcome);
  }
  return { kind: opts.peer.kind, url: opts.peer.url, projects: opts.projects, pagesSignedIn: Boolean(opts.auth.cookie), cases };
}
