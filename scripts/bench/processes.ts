import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Child processes of the bench: commands run to completion, and the app server
 * (`npm run start:prod`'s script, started as its own process group). Every
 * process started here is tracked and stopped on error or Ctrl-C; nothing else
 * is ever signalled.
 */
export const root = path.resolve(import.meta.dirname, "..", "..");
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const running = new Set<ChildProcess>();
const servers = new Set<Server>();

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
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

export const tsx = (script: string, args: string[], env: NodeJS.ProcessEnv) => run(path.join(root, "node_modules", ".bin", "tsx"), [script, ...args], env);

export interface Server {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
  hasExited: () => boolean;
  logPath: string;
}

/** `npm run start:prod` without npm in between (npm would swallow signals): migrations, then `next start`. */
export function startServer(env: NodeJS.ProcessEnv, logPath: string): Server {
  const log = fs.openSync(logPath, "w");
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-seed", "--no-build"], {
    cwd: root,
    env,
    detached: true, // its own process group: we stop all of it, and only it
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    const done = () => {
      exited = true;
      resolve();
    };
    child.on("exit", done);
    child.on("error", done);
  });
  if (child.pid === undefined) throw new Error("could not start the server");
  const server: Server = { child, pid: child.pid, exited: exitedPromise, hasExited: () => exited, logPath };
  servers.add(server);
  void exitedPromise.then(() => servers.delete(server));
  return server;
}

function signalGroup(s: Server, signal: NodeJS.Signals): void {
  if (s.hasExited()) return;
  try {
    process.kill(-s.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the server's process group (the app closes its database), SIGKILL after the grace period. */
export async function stopServer(s: Server, graceMs = 15_000): Promise<void> {
  if (s.hasExited()) return;
  signalGroup(s, "SIGTERM");
  const stopped = await Promise.race([s.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!stopped) {
    console.error(`The server did not stop within ${graceMs / 1000} s of SIGTERM: killing it.`);
    signalGroup(s, "SIGKILL");
    await s.exited;
  }
  // The wrapper exits when next does; give the group's last process a moment to release the data folder.
  for (let i = 0; i < 50 && processTree(s.pid).length; i++) await sleep(100);
}

export function logTail(logPath: string, lines = 30): string {
  try {
    return fs.readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** Polls `url` until it answers 200; returns ms since `since`. */
export async function waitUntilReady(s: Server, url: string, since: number, timeoutMs = 120_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (s.hasExited()) throw new Error(`the server exited before it was ready:\n${logTail(s.logPath)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s:\n${logTail(s.logPath)}`);
}

/** A port nobody listens on now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function assertPortFree(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => reject(new Error(err.code === "EADDRINUSE" ? `port ${port} is in use` : err.message)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(port)));
  });
}

// ---------------------------------------------------------------------------
// Memory: VmRSS from /proc of a process and its descendants.

interface ProcInfo {
  pid: number;
  ppid: number;
  rssKb: number;
  command: string;
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0); // absent for a zombie
    const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, ppid, rssKb, command };
  } catch {
    return undefined;
  }
}

/** The process and all its descendants that are still alive. */
export function processTree(rootPid: number): ProcInfo[] {
  let all: ProcInfo[];
  try {
    all = fs
      .readdirSync("/proc")
      .filter((n) => /^\d+$/.test(n))
      .flatMap((n) => readProc(Number(n)) ?? []);
  } catch {
    return [];
  }
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcInfo[] = [];
  const rootInfo = all.find((p) => p.pid === rootPid);
  const queue = rootInfo ? [rootInfo] : [];
  while (queue.length) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

export interface RssSample {
  /** next's processes (`next start` / next-server): the app. */
  appMb: number;
  /** The whole tree, with the wrapper of scripts/start.mjs. */
  treeMb: number;
}

export function sampleRss(rootPid: number): RssSample {
  const tree = processTree(rootPid);
  const mb = (ps: ProcInfo[]) => Math.round((ps.reduce((s, p) => s + p.rssKb, 0) / 1024) * 10) / 10;
  return { appMb: mb(tree.filter((p) => /next(-server|\/dist\/bin\/next| start)/.test(p.command))), treeMb: mb(tree) };
}

/** Samples RSS every `everyMs` until stopped; returns the samples with their time. */
export function rssSampler(rootPid: number, everyMs = 500) {
  const samples: (RssSample & { at: number })[] = [];
  const take = () => samples.push({ at: performance.now(), ...sampleRss(rootPid) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

// ---------------------------------------------------------------------------

let stopping = false;
export const isStopping = () => stopping;

/** Ctrl-C or SIGTERM: stop every child and server, then exit. */
export function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping …`);
      for (const child of running) child.kill("SIGTERM");
      void Promise.all([...servers].map((s) => stopServer(s))).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  // Last resort (an exception escaping everything): never leave a server behind.
  process.on("exit", () => {
    for (const s of servers) signalGroup(s, "SIGKILL");
    for (const child of running) child.kill("SIGKILL");
  });
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...servers].map((s) => stopServer(s)));
}
