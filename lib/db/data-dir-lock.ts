import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * An exclusive lock on an embedded database folder. Two processes opening one
 * PGlite folder both "succeed" and then corrupt it, so the second must fail.
 *
 * The lock is a file beside the folder holding the owner's pid, a random token
 * and a heartbeat. A lock is stale (and taken over) when its pid is dead or a
 * zombie, or when its heartbeat has stopped (the pid was reused by another
 * program after a kill -9).
 */
export interface LockInfo {
  pid: number;
  token: string;
  host: string;
  startedAt: string;
  heartbeatAt: number;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database is in use by pid ${holder.pid} on ${holder.host} (lock ${lockPath}). ` +
        `Stop that process first, or point LODESTONE_DATA_DIR at another folder.`,
    );
    this.name = "DataDirLockedError";
  }
}

const HEARTBEAT_MS = 2_000;
const STALE_AFTER_MS = 15_000;

export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, "")}.lock`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // A zombie still answers kill(0) but will never touch the folder again.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

export function isStale(info: LockInfo | undefined, now = Date.now()): boolean {
  if (!info || typeof info.pid !== "number") return true;
  if (info.host !== os.hostname()) return now - info.heartbeatAt > STALE_AFTER_MS;
  if (info.pid === process.pid) return false;
  if (!processIsAlive(info.pid)) return true;
  return now - info.heartbeatAt > STALE_AFTER_MS;
}

export interface HeldLock {
  readonly path: string;
  readonly info: LockInfo;
  release(): void;
}

export function acquireDataDirLock(dataDir: string): HeldLock {
  const lockPath = lockPathFor(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    token: randomUUID(),
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    heartbeatAt: Date.now(),
  };
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: "wx" });
      return hold(lockPath, info);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readLock(lockPath);
    if (!isStale(holder)) throw new DataDirLockedError(lockPath, holder!);
    // Move the stale file aside under a unique name: of two processes taking
    // over at once, only one rename succeeds, and both then race on "wx".
    try {
      fs.renameSync(lockPath, `${lockPath}.stale-${info.token}`);
      fs.rmSync(`${lockPath}.stale-${info.token}`, { force: true });
    } catch {
      /* someone else moved it first */
    }
  }
  const holder = readLock(lockPath);
  if (holder) throw new DataDirLockedError(lockPath, holder);
  throw new Error(`Could not lock ${lockPath}`);
}

function hold(lockPath: string, info: LockInfo): HeldLock {
  let released = false;
  const timer = setInterval(() => {
    const current = readLock(lockPath);
    if (current?.token !== info.token) return; // taken over; never write someone else's lock
    info.heartbeatAt = Date.now();
    try {
      fs.writeFileSync(`${lockPath}.${info.token}`, JSON.stringify(info));
      fs.renameSync(`${lockPath}.${info.token}`, lockPath);
    } catch {
      /* best effort: a missed beat only matters after STALE_AFTER_MS */
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    path: lockPath,
    info,
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      if (readLock(lockPath)?.token === info.token) fs.rmSync(lockPath, { force: true });
    },
  };
}
