import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, isStale, lockPathFor, type LockInfo } from "./data-dir-lock";

const dirs: string[] = [];
function tempDataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-lock-"));
  dirs.push(d);
  return path.join(d, "pglite");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

// Runs a child node process (not through npx, so signals reach it) that takes the lock.
function lockerArgs(dataDir: string, then: "wait" | "die"): string[] {
  const script = path.join(path.dirname(dataDir), "locker.mts");
  fs.writeFileSync(
    script,
    `import { acquireDataDirLock } from ${JSON.stringify(path.resolve(import.meta.dirname, "data-dir-lock.ts"))};
     acquireDataDirLock(${JSON.stringify(dataDir)});
     console.log("locked");
     ${then === "wait" ? "setInterval(() => {}, 1000);" : "process.kill(process.pid, 'SIGKILL');"}`,
  );
  return ["--import", "tsx", script];
}

describe("data folder lock", () => {
  it("refuses a second holder, naming the holder's pid", async () => {
    const dataDir = tempDataDir();
    const child = spawn(process.execPath, lockerArgs(dataDir, "wait"), { stdio: ["ignore", "pipe", "inherit"] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
        child.on("exit", () => reject(new Error("child exited")));
      });
      const holder = JSON.parse(fs.readFileSync(lockPathFor(dataDir), "utf8")) as LockInfo;
      expect(() => acquireDataDirLock(dataDir)).toThrowError(DataDirLockedError);
      expect(() => acquireDataDirLock(dataDir)).toThrowError(new RegExp(`in use by pid ${holder.pid}`));
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over the lock of a process killed with SIGKILL", () => {
    const dataDir = tempDataDir();
    // a child takes the lock and dies without releasing it
    const r = spawnSync(process.execPath, lockerArgs(dataDir, "die"));
    expect(r.signal).toBe("SIGKILL");
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(true);
    const lock = acquireDataDirLock(dataDir);
    expect(lock.info.pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it("treats a live pid with a stopped heartbeat as reused (stale)", () => {
    const info: LockInfo = { pid: process.ppid, token: "t", host: os.hostname(), startedAt: "", heartbeatAt: Date.now() - 60_000 };
    expect(isStale(info)).toBe(true);
    expect(isStale({ ...info, heartbeatAt: Date.now() })).toBe(false);
    expect(isStale(undefined)).toBe(true);
  });

  it("is re-entrant for nobody: the same process cannot take it twice", () => {
    const dataDir = tempDataDir();
    const lock = acquireDataDirLock(dataDir);
    try {
      expect(() => acquireDataDirLock(dataDir)).toThrowError(DataDirLockedError);
    } finally {
      lock.release();
    }
  });
});
