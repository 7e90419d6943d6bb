import fs from "node:fs";
import path from "node:path";
import type { CaseId, RunArgs } from "./args";
import { benchCases, caseRequests, sendOnce, STATIC_PATH, type BenchCase, type PoolProject, type UpdatePool } from "./cases";
import { captureCases, measureDatabaseCeiling } from "./ceiling";
import { prepareDatabase, type BenchDatabase } from "./data";
import { httpLoad, type LoadResult } from "./load";
import { measurePeer, peerSignIn, preparePeer, type PeerResult } from "./peer";
import {
  assertPortFree,
  isStopping,
  freePort,
  root,
  rssSampler,
  sampleRss,
  sleep,
  startServer,
  stopServer,
  waitUntilReady,
  type RssSample,
  type Server,
} from "./processes";
import { BENCH_USERS, signIn } from "./session";
import { sqlCaptureEnv } from "./sql-capture-env";
import { ratio } from "./stats";

/** One database × size of the matrix: data, SQL capture, database ceiling, then the app under load. */
export interface CaseLevel {
  connections: number;
  app: LoadResult;
  dbCeiling?: LoadResult;
  frameworkCeiling?: LoadResult;
  /** app req/s ÷ ceiling req/s at the same connections: the share of the ceiling the app reaches. */
  appToDb?: number;
  appToFramework?: number;
  /** app median ÷ ceiling median: how many times longer a request takes than its ceiling. */
  latencyToDb?: number;
}

export interface CaseOutcome {
  id: CaseId;
  name: string;
  method: string;
  path: string;
  sqlStatements: number;
  levels: CaseLevel[];
}

export interface SuiteResult {
  database: BenchDatabase["kind"];
  size: number;
  seedSeconds?: number;
  seededAt: string;
  coldStartMs: number;
  memory: { restMb: RssSample; peakMb: RssSample; afterMb: RssSample };
  framework: LoadResult[];
  cases: CaseOutcome[];
  /** The peer comparison (--peer), or why it did not run in this suite. */
  peer?: PeerResult | { kind: string; skipped: string };
}

/** Longest load of one measurement, however slow the case. */
const MAX_LOAD_SECONDS = 40;

/**
 * autocannon drops the requests still in flight when the time is up, so a
 * measurement shorter than a few response times at that concurrency would
 * count only the fast ones (or none). When the case is slow, the load runs long
 * enough for about three rounds of every connection, estimated from the
 * median at the first connection count (a saturated server answers N
 * connections N times slower), within MAX_LOAD_SECONDS.
 */
export function loadSeconds(duration: number, firstMedianMs: number | undefined, firstConnections: number | undefined, connections: number): number {
  if (firstMedianMs === undefined || !firstConnections) return duration;
  const perRound = (firstMedianMs * Math.max(1, connections / firstConnections)) / 1000;
  return Math.max(duration, Math.min(MAX_LOAD_SECONDS, Math.ceil(3 * perRound)));
}

/** Requests, one at a time, before each case's measurement: caches, JIT, the route's first render (seconds on a busy machine). */
const WARMUP_REQUESTS = 5;
const POOL_SIZE = 300;

interface Sessions {
  reader: string;
  admin: string;
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** The project page's project (first by name) and the update pool (last by name), with current versions. */
async function pickProjects(base: string, cookie: string): Promise<{ projectSlug: string; pool: UpdatePool }> {
  const first = await getJson<{ rows: { slug: string }[] }>(`${base}/api/projects?sort=name&dir=asc&pageSize=1`, cookie);
  if (!first.rows[0]) throw new Error("the database holds no project");
  const slugs: string[] = [];
  for (let page = 1; slugs.length < POOL_SIZE; page++) {
    const { rows } = await getJson<{ rows: { slug: string }[] }>(`${base}/api/projects?sort=name&dir=desc&pageSize=100&page=${page}`, cookie);
    slugs.push(...rows.map((r) => r.slug).filter((s) => s !== first.rows[0].slug));
    if (rows.length < 100) break;
  }
  const projects: PoolProject[] = [];
  for (let i = 0; i < slugs.length && i < POOL_SIZE; i += 8)
    projects.push(
      ...(await Promise.all(
        slugs.slice(i, Math.min(i + 8, POOL_SIZE)).map(async (slug) => {
          const p = await getJson<{ version: number; progressPercent: number | null }>(`${base}/api/projects/${encodeURIComponent(slug)}`, cookie);
          return { slug, version: p.version, progressPercent: p.progressPercent };
        }),
      )),
    );
  return { projectSlug: first.rows[0].slug, pool: { projects, next: 0 } };
}

async function boot(
  database: BenchDatabase,
  port: number,
  extraEnv: Record<string, string>,
  logName: string,
): Promise<{ server: Server; base: string; coldStartMs: number }> {
  const base = `http://127.0.0.1:${port}`;
  const logPath = path.join(root, ".data", logName);
  const env: NodeJS.ProcessEnv = {
    ...database.env,
    ...extraEnv,
    // Anonymous reading on, for the list-api-anonymous case; it changes nothing for a signed-in reader (lib/projects/project-scope.ts).
    LODESTONE_PUBLIC_READ: "true",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    BETTER_AUTH_URL: base,
    NODE_ENV: "production",
  };
  const spawned = performance.now();
  const server = startServer(env, logPath);
  const coldStartMs = Math.round(await waitUntilReady(server, `${base}/api/ready`, spawned));
  return { server, base, coldStartMs };
}

async function signInBoth(base: string): Promise<Sessions> {
  return { reader: await signIn(base, BENCH_USERS.reader), admin: await signIn(base, BENCH_USERS.admin) };
}

export async function runSuite(args: RunArgs, kind: BenchDatabase["kind"], size: number): Promise<SuiteResult> {
  const database = await prepareDatabase({ kind, size, postgresUrl: args.postgresUrl, reseed: args.reseed });
  const port = args.port ? await assertPortFree(args.port) : await freePort();
  const headersFor =
    (sessions: Sessions, base: string) =>
    (c: BenchCase): Record<string, string> =>
      c.as === "anonymous" ? { origin: base } : { cookie: sessions[c.as], origin: base };
  const ceilingSeconds = Math.max(2, Math.ceil(args.duration / 2));

  // 1. Capture: a server that writes down every SQL statement; one request per case.
  console.log("▸ Capturing each case's SQL …");
  const captureFile = path.join(root, ".data", `bench-${kind}-${size}-sql.jsonl`);
  fs.writeFileSync(captureFile, "");
  let picked: { projectSlug: string; pool: UpdatePool };
  let statements;
  let cases: BenchCase[];
  {
    const { server, base } = await boot(database, port, sqlCaptureEnv(captureFile), `bench-${kind}-${size}-capture.log`);
    try {
      const sessions = await signInBoth(base);
      picked = await pickProjects(base, sessions.reader);
      cases = benchCases(picked.projectSlug).filter((c) => args.only.includes(c.id));
      statements = await captureCases({ base, file: captureFile, cases, headersFor: headersFor(sessions, base), pool: picked.pool });
    } finally {
      await stopServer(server);
    }
  }

  // 2. The database ceiling, with the app stopped (PGlite has one owner at a time).
  console.log(
    `▸ Database ceiling: the captured SQL replayed directly (${kind === "pglite" ? "PGlite in-process" : "node-postgres"}), ${ceilingSeconds} s each …`,
  );
  const dbCeiling = await measureDatabaseCeiling({ database, statements, connections: args.connections, seconds: ceilingSeconds });

  // 3. The app.
  console.log(`▸ Starting the app (npm run start:prod) on port ${port} …`);
  const { server, base, coldStartMs } = await boot(database, port, {}, `bench-${kind}-${size}-server.log`);
  const outcomes: CaseOutcome[] = [];
  let memory: SuiteResult["memory"];
  let peer: SuiteResult["peer"];
  const framework: LoadResult[] = [];
  try {
    await sleep(2000);
    const restMb = sampleRss(server.pid);
    console.log(`  ready after ${coldStartMs} ms; RSS at rest ${restMb.appMb} MB (next) / ${restMb.treeMb} MB (with the start script)`);
    const sessions = await signInBoth(base);
    const headers = headersFor(sessions, base);
    const sampler = rssSampler(server.pid);

    console.log(`▸ Framework ceiling: GET ${STATIC_PATH}, ${ceilingSeconds} s each …`);
    for (let i = 0; i < WARMUP_REQUESTS; i++) await fetch(base + STATIC_PATH).then((r) => r.arrayBuffer());
    for (const connections of args.connections) {
      const r = await httpLoad({
        url: base,
        connections,
        seconds: ceilingSeconds,
        requests: [{ method: "GET", path: STATIC_PATH, headers: { cookie: sessions.reader } }],
      });
      console.log(`  static ${String(connections).padStart(3)} conn: ${r.latency?.median ?? "–"} ms median, ${r.rps} req/s`);
      framework.push(r);
    }

    console.log(`▸ Load: ${args.duration} s per case and connection count …`);
    for (const c of cases) {
      for (let i = 0; i < WARMUP_REQUESTS; i++) await sendOnce(base, c, headers(c), picked.pool);
      const levels: CaseLevel[] = [];
      for (const [k, connections] of args.connections.entries()) {
        const seconds = loadSeconds(args.duration, levels[0]?.app.latency?.median, levels[0]?.connections, connections);
        const app = await httpLoad({ url: base, connections, seconds, requests: caseRequests(c, headers(c), picked.pool) });
        const db = dbCeiling.get(c.id)?.[k];
        const fw = framework[k];
        const other = Object.entries(app.statuses)
          .filter(([s]) => s !== "200")
          .map(([s, n]) => `${n}×${s}`)
          .join(" ");
        console.log(
          `  ${c.id.padEnd(18)} ${String(connections).padStart(3)} conn: ${app.latency?.median ?? "–"} ms median, ${app.latency?.p95 ?? "–"} p95, ${app.rps} req/s${other ? ` (${other})` : ""}`,
        );
        levels.push({
          connections,
          app,
          dbCeiling: db,
          frameworkCeiling: fw,
          appToDb: ratio(app.rps, db?.rps),
          appToFramework: ratio(app.rps, fw?.rps),
          latencyToDb: ratio(app.latency?.median, db?.latency?.median),
        });
      }
      outcomes.push({ id: c.id, name: c.name, method: c.method, path: c.path, sqlStatements: statements.get(c.id)?.length ?? 0, levels });
    }
    const samples = sampler.stop();
    await sleep(5000);
    const afterMb = sampleRss(server.pid);
    const peak = (key: keyof RssSample) => Math.max(...samples.map((s) => s[key]));
    memory = { restMb, peakMb: { appMb: peak("appMb"), treeMb: peak("treeMb") }, afterMb };
    console.log(`  RSS: at rest ${restMb.appMb} MB, peak under load ${memory.peakMb.appMb} MB, 5 s after ${afterMb.appMb} MB`);
    if (args.peer)
      // A peer that fails (down, wrong key) costs its comparison, not Lodestone's results of this suite.
      peer = await comparePeer(args, kind, size, base, headers, picked).catch((err: unknown) => {
        if (isStopping()) throw err;
        const skipped = `failed: ${err instanceof Error ? err.message : String(err)}`;
        console.error(`▸ Peer ${args.peer!.kind} ${skipped}`);
        return { kind: args.peer!.kind, skipped };
      });
  } finally {
    await stopServer(server);
  }
  return {
    database: kind,
    size,
    seedSeconds: database.seedSeconds,
    seededAt: database.seededAt,
    coldStartMs,
    memory,
    framework,
    cases: outcomes,
    ...(peer ? { peer } : {}),
  };
}

/** The peer set (--peer), after Lodestone's own cases, on the same data only. */
async function comparePeer(
  args: RunArgs,
  kind: BenchDatabase["kind"],
  size: number,
  base: string,
  headers: (c: BenchCase) => Record<string, string>,
  picked: { projectSlug: string; pool: UpdatePool },
): Promise<NonNullable<SuiteResult["peer"]>> {
  const peer = args.peer!;
  const skip = (skipped: string) => {
    console.log(`▸ Peer ${peer.kind}: not measured here: ${skipped}`);
    return { kind: peer.kind, skipped };
  };
  if (kind !== "postgres") return skip("the peer runs on PostgreSQL; it is compared in the postgres suite");
  const auth = { apiKey: peer.apiKey, cookie: peer.user && peer.password ? await peerSignIn(peer.url, peer.user, peer.password) : undefined };
  const { projects, pool } = await preparePeer(peer.url, auth, POOL_SIZE);
  if (projects !== size)
    return skip(`${peer.url} holds ${projects} projects, this suite ${size} (load the same portfolio: scripts/bench/redmine-load.ts --projects ${size})`);
  console.log(
    `▸ Peer ${peer.kind} at ${peer.url} (${projects} projects, pages ${auth.cookie ? "signed in" : "anonymous"}): ${peer.rounds} rounds × ${args.duration} s per case and connection count, alternating …`,
  );
  return measurePeer({
    peer,
    auth,
    peerPool: pool,
    projects,
    lodestoneBase: base,
    lodestoneHeaders: headers,
    lodestonePool: picked.pool,
    projectSlug: picked.projectSlug,
    connections: args.connections,
    seconds: args.duration,
  });
}
