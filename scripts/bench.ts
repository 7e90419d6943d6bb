/**
 * npm run bench -- [list|dashboard] [--size 20000] [--requests 200] [--port 3100] [--keep] [--reseed] [--build]
 *
 * Serves a production build over an embedded database of `size` synthetic
 * projects and times, one request at a time, the projects list (API and page)
 * and a project page (suite "list"), or the dashboard's full render and each
 * of its cards' data functions (suite "dashboard"). See bench/README.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, markBuilt } from "./build-stamp";
import {
  BENCH_USAGE,
  BenchUsageError,
  formatMs,
  localDay,
  markdownTable,
  parseBenchArgs,
  resultFileName,
  summarize,
  type BenchArgs,
  type Summary,
} from "./bench-stats";

const root = path.resolve(import.meta.dirname, "..");
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const WARMUP_REQUESTS = 20;
const PAGE_REQUESTS_MAX = 100;
/** Dashboard loads per case (the issue's budget is stated over 50). */
const DASHBOARD_LOADS = 50;

interface CaseResult extends Summary {
  name: string;
  url: string;
  /** Projects matching the query, for the API cases. */
  total?: number;
}

// ---------------------------------------------------------------------------
// Child processes. Every process we start is tracked, so that an error or
// Ctrl-C stops it; nothing else is ever signalled.

const running = new Set<ChildProcess>();

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    running.add(child);
    child.on("error", (err) => {
      running.delete(child);
      reject(err);
    });
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

interface Server {
  child: ChildProcess;
  exited: Promise<void>;
  hasExited: () => boolean;
  logPath: string;
}

let server: Server | undefined;
/** Set once the run succeeded with --keep: the server outlives this process. */
let leaveServerRunning = false;

/** Signals the server's whole process group (it is started detached, as its own group). */
function signalServer(s: Server, signal: NodeJS.Signals): void {
  if (s.hasExited() || s.child.pid === undefined) return;
  try {
    process.kill(-s.child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopServer(s: Server): Promise<void> {
  if (s.hasExited()) return;
  signalServer(s, "SIGTERM");
  const stopped = await Promise.race([s.exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!stopped) {
    console.error(`Server did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM: killing it.`);
    signalServer(s, "SIGKILL");
    await s.exited;
  }
}

function startServer(port: number, env: NodeJS.ProcessEnv, logPath: string): Server {
  const log = fs.openSync(logPath, "w");
  // Next's own binary rather than `npx next`: no npm process in between to swallow signals.
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    detached: true, // its own process group: Ctrl-C reaches it only through us, and we stop all of it
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on("exit", () => {
      exited = true;
      resolve();
    });
    child.on("error", () => {
      exited = true;
      resolve();
    });
  });
  return { child, exited: exitedPromise, hasExited: () => exited, logPath };
}

function logTail(logPath: string, lines = 30): string {
  try {
    return fs.readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping …`);
    for (const child of running) child.kill("SIGTERM");
    void (server ? stopServer(server) : Promise.resolve()).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });

// Last resort (an exception escaping everything): never leave a server behind.
process.on("exit", () => {
  if (server && !leaveServerRunning) signalServer(server, "SIGKILL");
  for (const child of running) child.kill("SIGKILL");
});

// ---------------------------------------------------------------------------
// Steps.

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Marker {
  size: number;
  seededAt: string;
}

function readMarker(markerPath: string): Marker | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(markerPath, "utf8")) as Partial<Marker>;
    return typeof m.size === "number" && typeof m.seededAt === "string" ? (m as Marker) : undefined;
  } catch {
    return undefined;
  }
}

async function prepareData(args: BenchArgs, dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const markerPath = `${dataDir}.json`;
  const marker = readMarker(markerPath);
  const seeded = !args.reseed && marker?.size === args.size && fs.existsSync(dataDir);
  // Migrating a seeded folder too keeps it in step with the schema (a no-op when it already is).
  console.log(`\n▸ Migrating ${path.relative(root, dataDir)} …`);
  await run("npx", ["tsx", "scripts/db.ts", "migrate"], env);
  if (seeded) {
    console.log(`▸ Using the portfolio of ${args.size} synthetic projects seeded ${marker.seededAt} (--reseed to replace it).`);
    return;
  }
  // The marker goes first: an interrupted seed must not look finished.
  fs.rmSync(markerPath, { force: true });
  console.log(`▸ Seeding ${args.size} synthetic projects …`);
  const started = performance.now();
  await run("npx", ["tsx", "scripts/db.ts", "seed", "--synthetic", String(args.size), "--reset"], env);
  console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const next: Marker = { size: args.size, seededAt: new Date().toISOString() };
  fs.writeFileSync(markerPath, `${JSON.stringify(next, null, 2)}\n`);
}

async function ensureBuild(args: BenchArgs, env: NodeJS.ProcessEnv): Promise<void> {
  const hasBuild = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
  // A build of older sources would time code that no longer exists.
  const reason = args.build ? "--build" : !hasBuild ? "no build yet" : !buildIsCurrent(root) ? "sources changed since the last build" : undefined;
  if (!reason) {
    console.log("▸ The build is current.");
    return;
  }
  console.log(`▸ Building the app (${reason}) …`);
  const started = performance.now();
  await run("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
  markBuilt(root);
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === "EADDRINUSE" ? `port ${port} is in use (a --keep server from an earlier run? choose another with --port)` : err.message)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** Polls until the API answers 200; returns ms since the server was spawned. */
async function waitUntilReady(s: Server, base: string, spawnedAt: number): Promise<number> {
  while (performance.now() - spawnedAt < READY_TIMEOUT_MS) {
    if (s.hasExited()) throw new Error(`the server exited before it was ready:\n${logTail(s.logPath)}`);
    try {
      const res = await fetch(`${base}/api/projects`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - spawnedAt;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`the server did not answer GET /api/projects with 200 within ${READY_TIMEOUT_MS / 1000} s:\n${logTail(s.logPath)}`);
}

/** One GET, timed from sending the request to having read the whole body. */
async function timedGet(url: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return { ms, body };
}

function listTotal(body: string, url: string): { total: number; firstSlug: string | undefined } {
  const json = JSON.parse(body) as { rows?: { slug?: unknown }[]; total?: unknown };
  if (!Array.isArray(json.rows) || typeof json.total !== "number") throw new Error(`GET ${url} did not return { rows, total, … }`);
  const slug = json.rows[0]?.slug;
  return { total: json.total, firstSlug: typeof slug === "string" ? slug : undefined };
}

async function measureList(base: string, requests: number): Promise<CaseResult[]> {
  const all = listTotal((await timedGet(`${base}/api/projects`)).body, "/api/projects");
  if (!all.firstSlug) throw new Error("GET /api/projects returned no projects: is the database seeded?");
  const filtered = "region=CHINA&stage=CONSTRUCTION&q=copper";
  const cases: { name: string; url: string; n: number; api: boolean }[] = [
    { name: "API list: region + stage + search", url: `/api/projects?${filtered}`, n: requests, api: true },
    { name: "API list: no filter", url: "/api/projects", n: requests, api: true },
    { name: "Page: list, region + stage + search", url: `/projects?${filtered}`, n: Math.min(requests, PAGE_REQUESTS_MAX), api: false },
    { name: "Page: project detail", url: `/projects/${encodeURIComponent(all.firstSlug)}`, n: Math.min(requests, PAGE_REQUESTS_MAX), api: false },
  ];

  for (let i = 0; i < WARMUP_REQUESTS; i++) await timedGet(base + cases[i % cases.length].url);

  const results: CaseResult[] = [];
  for (const c of cases) {
    const samples: number[] = [];
    let total: number | undefined;
    for (let i = 0; i < c.n; i++) {
      const { ms, body } = await timedGet(base + c.url);
      samples.push(ms);
      if (i === 0 && c.api) total = listTotal(body, c.url).total;
    }
    results.push({ name: c.name, url: c.url, ...summarize(samples), ...(total === undefined ? {} : { total }) });
  }
  return results;
}

/** Runs a Node script under the react-server condition (the data layer imports "server-only"). */
function runServerScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], env);
}

interface CardTimings {
  database: string;
  today: string;
  results: (Summary & { name: string })[];
}

/**
 * Each dashboard card's data function, called in-process and uncached. Runs
 * before the server starts: the embedded database has one owner at a time.
 */
async function measureDashboardCards(env: NodeJS.ProcessEnv, dataDir: string): Promise<CardTimings> {
  const out = `${dataDir}-cards.json`;
  fs.rmSync(out, { force: true });
  console.log(`\n▸ Timing the dashboard's data functions in-process (${DASHBOARD_LOADS} calls each) …`);
  await runServerScript("scripts/bench-dashboard-cards.ts", ["--calls", String(DASHBOARD_LOADS), "--json", out], env);
  return JSON.parse(fs.readFileSync(out, "utf8")) as CardTimings;
}

async function measureDashboard(base: string): Promise<CaseResult[]> {
  const cases = [
    { name: "Page: dashboard", url: "/dashboard" },
    { name: "Page: dashboard, Africa + base metals", url: "/dashboard?region=AFRICA&line=BASE_METALS" },
  ];
  // The page streams: each card arrives when its data does. Time until the whole body is read, and check every card came.
  const cards: [string, RegExp][] = [
    ["health", /All projects: /],
    ["breakdown", /By business line/],
    ["map", /\/dashboard\/map\/world\.svg/],
    ["overdue", /aria-label="Overdue milestones"|No overdue milestones/],
    ["upcoming", /aria-label="Due in the next \d+ days"|No milestones due in the next/],
    ["slips", /aria-label="Largest slips"|No open milestone is behind/],
    ["trend", /Show as table|No health history/],
    ["activity", /aria-label="Latest updates"|No updates recorded/],
  ];
  const missing = (body: string) => cards.filter(([, marker]) => !marker.test(body)).map(([card]) => card);
  for (let i = 0; i < WARMUP_REQUESTS; i++) await timedGet(base + cases[i % cases.length].url);
  const results: CaseResult[] = [];
  for (const c of cases) {
    const samples: number[] = [];
    for (let i = 0; i < DASHBOARD_LOADS; i++) {
      const { ms, body } = await timedGet(base + c.url);
      if (i === 0 && missing(body).length) throw new Error(`GET ${c.url} did not render the dashboard's ${missing(body).join(", ")} card(s)`);
      samples.push(ms);
    }
    results.push({ name: c.name, url: c.url, ...summarize(samples) });
  }
  return results;
}

function writeResults(suite: string, result: object): string {
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const name = resultFileName(localDay(new Date()), suite, (n) => fs.existsSync(path.join(dir, n)));
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

// ---------------------------------------------------------------------------

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    console.error(`error: ${err.message}\n${BENCH_USAGE}`);
    return 2;
  }
  const startedAt = new Date();
  const dataDir = path.join(root, ".data", `bench-${args.size}`);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  // The bench measures the embedded database in its own folder: never a
  // DATABASE_URL from the environment, which the seed's --reset would empty.
  const env: NodeJS.ProcessEnv = { ...process.env, LODESTONE_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  if (env.DATABASE_URL) console.log("Note: DATABASE_URL is ignored; the bench uses its own embedded database.");
  delete env.DATABASE_URL;

  console.log(`Bench "${args.suite}": ${args.size} projects, ${args.requests} requests per case, port ${args.port}`);
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"})`);

  await prepareData(args, dataDir, env);
  const cardTimings = args.suite === "dashboard" ? await measureDashboardCards(env, dataDir) : undefined;
  await ensureBuild(args, env);
  await assertPortFree(args.port);

  const base = `http://127.0.0.1:${args.port}`;
  const logPath = `${dataDir}-server.log`;
  console.log(`▸ Starting next start on ${base} (log: ${path.relative(root, logPath)}) …`);
  const spawnedAt = performance.now();
  server = startServer(
    args.port,
    { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1", PORT: String(args.port), HOSTNAME: "127.0.0.1" },
    logPath,
  );
  const coldStartMs = Math.round((await waitUntilReady(server, base, spawnedAt)) * 10) / 10;
  console.log(`  first 200 after ${formatMs(coldStartMs)} ms (cold start)`);

  console.log(`▸ Measuring (${WARMUP_REQUESTS} warm-up requests, then one request at a time) …\n`);
  const cases = args.suite === "dashboard" ? await measureDashboard(base) : await measureList(base, args.requests);

  const table = markdownTable(
    ["case", "n", "median ms", "p95 ms", "min ms", "max ms", "url"],
    cases.map((c) => [c.name, c.n, formatMs(c.median), formatMs(c.p95), formatMs(c.min), formatMs(c.max), c.url]),
    ["left", "right", "right", "right", "right", "right", "left"],
  );
  console.log(table);
  if (cardTimings) {
    console.log(`\nData functions, in-process on ${cardTimings.database}, uncached (today = ${cardTimings.today}):\n`);
    console.log(
      markdownTable(
        ["data function", "n", "median ms", "p95 ms", "min ms", "max ms"],
        cardTimings.results.map((c) => [c.name, c.n, formatMs(c.median), formatMs(c.p95), formatMs(c.min), formatMs(c.max)]),
        ["left", "right", "right", "right", "right", "right"],
      ),
    );
  }
  const filteredTotal = cases[0].total;
  console.log(`\nCold start (spawn → first 200 from /api/projects): ${formatMs(coldStartMs)} ms`);
  if (filteredTotal !== undefined) console.log(`The filtered list matches ${filteredTotal} of ${cases[1].total ?? "?"} projects.`);

  const file = writeResults(args.suite, {
    date: localDay(startedAt),
    startedAt: startedAt.toISOString(),
    suite: args.suite,
    size: args.size,
    requests: args.requests,
    nodeVersion: process.version,
    machine: { platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim(), memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    database: "pglite",
    coldStartMs,
    cases,
    ...(cardTimings ? { dataFunctions: cardTimings } : {}),
  });
  console.log(`Results: ${path.relative(root, file)}`);

  if (args.keep) {
    leaveServerRunning = true;
    server.child.unref();
    console.log(`\nThe server keeps running (--keep): ${base}, pid ${server.child.pid}. Stop it with: kill -TERM -${server.child.pid}`);
  } else {
    await stopServer(server);
  }
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch(async (err: unknown) => {
    // After Ctrl-C, requests fail as the server goes: the signal handler is already stopping everything.
    if (stopping) return;
    console.error(`\nbench failed: ${err instanceof Error ? err.message : String(err)}`);
    if (server) await stopServer(server).catch(() => {});
    process.exit(1);
  });
