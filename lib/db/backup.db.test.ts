import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { backupDatabase, restoreDatabase, tableChecksums } from "./backup";
import { openDatabase } from "./client";
import { applyPendingMigrations } from "./migrate";
import { loadPortfolio } from "./seed";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("round-trips the embedded database: same rows, same checksums", async () => {
    const source = await openDatabase({ kind: "pglite", dataDir: path.join(tmp, "source") });
    const file = path.join(tmp, "backup.tar.gz");
    let before;
    try {
      await applyPendingMigrations(source);
      await loadPortfolio(source.prisma, minmetalsPortfolio);
      before = await tableChecksums(source.prisma);
      await backupDatabase(source, file);
    } finally {
      await source.close();
    }
    expect(before.Project.rows).toBe(minmetalsPortfolio.projects.length);
    const target = { kind: "pglite" as const, dataDir: path.join(tmp, "restored") };
    await restoreDatabase(target, file);
    const restored = await openDatabase(target);
    try {
      expect(await tableChecksums(restored.prisma)).toEqual(before);
    } finally {
      await restored.close();
    }
    // refuses to overwrite a folder that holds data
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("round-trips PostgreSQL with pg_dump and pg_restore", async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const names = [`lodestone_bk_${randomUUID().slice(0, 8)}`, `lodestone_rs_${randomUUID().slice(0, 8)}`];
    const urlOf = (name: string) => Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    for (const n of names) await client.query(`CREATE DATABASE ${n}`);
    try {
      const source = await openDatabase({ kind: "postgres", url: urlOf(names[0]), poolSize: 2 });
      const file = path.join(tmp, "backup.pgdump");
      let before;
      try {
        await applyPendingMigrations(source);
        await loadPortfolio(source.prisma, minmetalsPortfolio);
        before = await tableChecksums(source.prisma);
        await backupDatabase(source, file);
      } finally {
        await source.close();
      }
      await restoreDatabase({ kind: "postgres", url: urlOf(names[1]), poolSize: 2 }, file);
      const restored = await openDatabase({ kind: "postgres", url: urlOf(names[1]), poolSize: 2 });
      try {
        expect(await tableChecksums(restored.prisma)).toEqual(before);
      } finally {
        await restored.close();
      }
    } finally {
      for (const n of names) await client.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await client.end();
    }
  });
});
