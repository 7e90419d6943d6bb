import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../lib/db/data-dir-lock";

const root = path.resolve(import.meta.dirname, "..");
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/db.ts"), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });

describe("database commands", () => {
  it("explain a bad DATABASE_URL in one line, without a stack trace", () => {
    const r = run(["status"], { DATABASE_URL: "mysql://root@localhost/lodestone" });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: Invalid configuration: DATABASE_URL: must be a PostgreSQL URL/);
  });

  it("refuse a data folder another process holds, naming its pid", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-cli-"));
    const dataDir = path.join(dir, "pglite");
    const lock = acquireDataDirLock(dataDir);
    try {
      const r = run(["migrate"], { LODESTONE_DATA_DIR: dataDir, DATABASE_URL: "" });
      expect(r.status).toBe(1);
      expect(r.stderr.trim()).toBe(
        `error: The embedded database is in use by pid ${process.pid} on ${os.hostname()} (lock ${dataDir}.lock). Stop that process first, or point LODESTONE_DATA_DIR at another folder.`,
      );
      expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false); // never opened
    } finally {
      lock.release();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reject an unknown command with usage", () => {
    const r = run(["frobnicate"], { LODESTONE_DATA_DIR: "memory://" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage:");
  });
});
