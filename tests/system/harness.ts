/**
 * System tests: the production build (`next build`) served by real `next
 * start` processes, on PGlite or a real PostgreSQL server, driven over HTTP.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEMO_LOGINS, DEMO_MANAGER_PROJECTS } from "../../lib/auth/demo-users";
import { ensureDemoUsers } from "../../lib/auth/users";
import { createThrowawayPostgres } from "../../lib/test/throwaway-postgres";
import { bootstrapDatabase } from "../../lib/db/bootstrap";
import { openDatabase, type Database } from "../../lib/db/client";
import type { DatabaseTarget } from "../../lib/env";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SECRET = "system-test-secret-0123456789-abcdefghijklmnop";
export const MANAGER = DEMO_LOGINS.manager;
export const ADMIN = DEMO_LOGINS.admin;
/** Projects the demo manager may edit. */
export const MANAGED = DEMO_MANAGER_PROJECTS;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- databases

export interface TestDb {
  target: DatabaseTarget;
  /** env for an app instance on this database */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database on the server at adminUrl. */
export async function createPostgresDb(adminUrl: string, applicationName = "lodestone"): Promise<TestDb & { url: string }> {
  const { url, drop } = await createThrowawayPostgres(adminUrl, "lodestone_sys");
  url.searchParams.set("application_name", applicationName);
  return {
    url: url.toString(),
    target: { kind: "postgres", url: url.toString(), poolSize: 10 },
    env: { DATABASE_URL: url.toString() },
    drop,
  };
}

export function createPgliteDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-sys-"));
  const dataDir = path.join(dir, "pglite");
  return {
    target: { kind: "pglite", dataDir },
    env: { LODESTONE_DATA_DIR: dataDir },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs fn on the database opened in this process (the app must not be running on a PGlite folder). */
export async function withDb<T>(db: TestDb, fn: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase(db.target.kind === "postgres" ? { ...db.target, poolSize: 2 } : db.target);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

/** Migrations, the Minmetals seed and the four demo users. */
export async function seed(db: TestDb, { migrate = true } = {}): Promise<void> {
  await withDb(db, async (d) => {
    if (migrate) await bootstrapDatabase(d, { seed: true });
    else if ((await d.prisma.project.count()) === 0) {
      const { minmetalsPortfolio } = await import("../../prisma/seed/minmetals-2024");
      const { loadPortfolio } = await import("../../lib/db/seed");
      await loadPortfolio(d.prisma, minmetalsPortfolio);
    }
    await ensureDemoUsers(d.prisma);
  });
}

/** A checksum of every row of the tables that hold portfolio data and user settings. */
export async function dataChecksum(d: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [
    "Project",
    "Milestone",
    "StatusUpdate",
    "FieldChange",
    "SourceQuote",
    "ProjectManager",
    "SavedView",
    "UserPreference",
    // capex (issue 13) and the summaries the database keeps beside it (docs/decisions/0070)
    "ExchangeRateSet",
    "BudgetVersion",
    "BudgetLine",
    "CostLine",
    "KpiActual",
    "CostMonth",
    "BudgetMonth",
    "CapexSummary",
    "KpiSummary",
  ]) {
    const [row] = await d.prisma.$queryRawUnsafe<{ n: number; sum: string | null }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`,
    );
    out[table] = `${row.n}:${row.sum}`;
  }
  return out;
}

/**
 * What a crash must never leave behind, for the projects given: their
 * versions form an unbroken chain of USER history entries (one per version
 * above the starting one), each entry has its field changes, and every
 * acknowledged save (by its comment) is there.
 */
export async function historyProblems(
  d: Database,
  { startVersions, acknowledged }: { startVersions: Map<string, number>; acknowledged: Map<string, Set<string>> },
): Promise<string[]> {
  const problems: string[] = [];
  for (const [slug, start] of startVersions) {
    const p = await d.prisma.project.findUniqueOrThrow({
      where: { slug },
      include: { statusUpdates: { where: { origin: "USER", milestoneId: null }, include: { changes: true } } },
    });
    const versions = p.statusUpdates.map((u) => u.version ?? -1).sort((a, b) => a - b);
    const expected = Array.from({ length: p.version - start }, (_, k) => start + k + 1);
    if (JSON.stringify(versions) !== JSON.stringify(expected))
      problems.push(`${slug}: history versions ${versions.join(",")} but project is at ${p.version} (from ${start})`);
    for (const u of p.statusUpdates) if (u.changes.length === 0) problems.push(`${slug}: history entry v${u.version} has no field changes`);
    const comments = new Set(p.statusUpdates.map((u) => u.comment));
    for (const c of acknowledged.get(slug) ?? []) if (!comments.has(c)) problems.push(`${slug}: acknowledged save "${c}" is missing`);
  }
  return problems;
}

// ---------------------------------------------------------------- app processes

export interface App {
  origin: string;
  port: number;
  proc: ChildProcess;
  /** stdout lines (pino JSON and Next's banner) */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function childEnv(port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    BETTER_AUTH_SECRET: SECRET,
    LODESTONE_PUBLIC_READ: "false",
    LOG_LEVEL: "info",
    ...extra,
  };
}

function track(proc: ChildProcess, port: number): App {
  const lines: string[] = [];
  let buf = "";
  proc.stdout!.on("data", (chunk: Buffer) => {
    buf += chunk.toString();
    const parts = buf.split("\n");
    buf = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr!.on("data", (chunk: Buffer) => lines.push(`[stderr] ${chunk.toString().trimEnd()}`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal })));
  return { origin: `http://127.0.0.1:${port}`, port, proc, lines, exited };
}

/** `next start` on the existing build, the way `npm run start:prod` runs it (database already migrated). */
export async function startApp(db: TestDb, { port, env = {} }: { port?: number; env?: Record<string, string> } = {}): Promise<App> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(p), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: childEnv(p, { ...db.env, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const app = track(proc, p);
  await waitHealthy(app);
  return app;
}

/** `npm run start:prod` itself (scripts/start.mjs --no-seed --no-build): migrates, then serves. */
export async function startProd(db: TestDb, { port, env = {} }: { port?: number; env?: Record<string, string> } = {}): Promise<App> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, ["scripts/start.mjs", "--no-seed", "--no-build"], {
    cwd: ROOT,
    env: childEnv(p, { ...db.env, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const app = track(proc, p);
  await waitHealthy(app, 120_000);
  return app;
}

export async function waitHealthy(app: App, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void app.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${app.origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`app on ${app.port} did not become healthy:\n${app.lines.slice(-30).join("\n")}`);
}

export async function stopApp(app: App, signal: NodeJS.Signals = "SIGTERM"): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (app.proc.exitCode === null && app.proc.signalCode === null) app.proc.kill(signal);
  return app.exited;
}

/** The JSON log lines the app wrote. */
export function jsonLogs(app: App): Record<string, unknown>[] {
  return app.lines.flatMap((l) => {
    if (!l.startsWith("{")) return [];
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

// ---------------------------------------------------------------- HTTP

export async function signIn(app: App, user: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${app.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.origin },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  return cookies.join("; ");
}

export interface Reply {
  status: number;
  body: unknown;
  ms: number;
  error?: string;
}

/** A request as the app's own page would send it (Origin of the instance it goes to). status 0: no answer (connection refused or reset). */
export async function call(app: App, cookie: string, method: string, urlPath: string, body?: unknown, timeoutMs = 30_000): Promise<Reply> {
  const started = Date.now();
  try {
    const res = await fetch(`${app.origin}${urlPath}`, {
      method,
      headers: { cookie, origin: app.origin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed, ms: Date.now() - started };
  } catch (err) {
    return { status: 0, body: null, ms: Date.now() - started, error: String((err as Error).cause ?? err) };
  }
}

export async function projectVersion(app: App, cookie: string, slug: string): Promise<number> {
  const r = await call(app, cookie, "GET", `/api/projects/${slug}`);
  if (r.status !== 200) throw new Error(`GET ${slug}: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { version: number }).version;
}

// ---------------------------------------------------------------- own PostgreSQL cluster

export interface OwnCluster {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

const pgBin = () => {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return undefined;
  const v = fs
    .readdirSync(base)
    .sort((a, b) => Number(a) - Number(b))
    .pop();
  return v ? path.join(base, v, "bin") : undefined;
};

/** A throwaway cluster this test may stop and start (never the shared one): needs PostgreSQL binaries and root (for su postgres). */
export function canRunOwnCluster(): boolean {
  return !!pgBin() && process.getuid?.() === 0;
}

export function startOwnCluster(port: number): OwnCluster {
  const dir = `/tmp/pg-prod-sys-${port}`;
  const asPostgres = (cmd: string) => {
    const r = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
  };
  spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `${pgBin()}/pg_ctl -D ${dir} -m immediate stop`]);
  fs.rmSync(dir, { recursive: true, force: true });
  const out = spawnSync("bash", [path.join(ROOT, ".ci/postgres.sh"), dir, String(port)], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`.ci/postgres.sh: ${out.stderr}`);
  return {
    url: out.stdout.trim(),
    stop: () => asPostgres(`${pgBin()}/pg_ctl -D ${dir} -m fast -w stop`),
    start: () =>
      asPostgres(
        `${pgBin()}/pg_ctl -D ${dir} -l ${dir}/server.log -w -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' start`,
      ),
    destroy: () => {
      spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", `${pgBin()}/pg_ctl -D ${dir} -m immediate stop`]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
