import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { applyPendingMigrations } from "./migrate";
import { loadMigrationsList } from "./migrations-dir";

/**
 * Several instances starting at once on one PostgreSQL database: each
 * migration is applied exactly once (the schema engine holds Prisma's
 * advisory lock, pg_advisory_lock(72707369), around `migrate deploy`).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("migrations from instances starting at once (PostgreSQL)", () => {
  it("apply once", async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `lodestone_mig_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2 })));
    try {
      const results = await Promise.all(instances.map((d) => applyPendingMigrations(d)));
      const all = loadMigrationsList().migrationDirectories.map((d) => d.path);
      // together they applied every migration, and none twice
      expect(results.flat().sort()).toEqual([...all].sort());
      const rows = await instances[0].prisma.$queryRawUnsafe<{ migration_name: string; n: number }[]>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1`,
      );
      expect(rows).toHaveLength(all.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // a later start finds nothing to do
      expect(await applyPendingMigrations(instances[1])).toEqual([]);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
