import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { bootstrapDatabase } from "./bootstrap";
import { openDatabase, type Database } from "./client";
import { applyPendingMigrations } from "./migrate";
import { loadMigrationsList } from "./migrations-dir";

/**
 * Several instances starting at once on one PostgreSQL database: each
 * migration is applied exactly once (the schema engine holds Prisma's
 * advisory lock, pg_advisory_lock(72707369), around `migrate deploy`).
 */
async function withInstances(n: number, fn: (instances: Database[]) => Promise<void>): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `lodestone_mig_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const instances = await Promise.all(Array.from({ length: n }, () => openDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 })));
  try {
    await fn(instances);
  } finally {
    await Promise.all(instances.map((d) => d.close()));
    // A closed pool's connections finish closing a moment later: a forced drop before then would terminate them
    // under a client that no longer listens for errors (an unhandled error in the test run). Wait for them first.
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("migrations from instances starting at once (PostgreSQL)", () => {
  it("apply once", async () => {
    await withInstances(3, async (instances) => {
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
    });
  });

  // Caught in CI: two instances booting together both found the gate processes missing and collided on
  // GateDefinition's unique key. The whole bootstrap (reference data, seed, demo users) now takes turns; a pool of
  // one connection per instance shows the lock does not hold the pool's only connection.
  it("bootstrap at once: reference data, seed and demo users written once, no instance failing", async () => {
    await withInstances(4, async (instances) => {
      const results = await Promise.all(instances.map((d) => bootstrapDatabase(d, { seed: true, demoUsers: true })));
      expect(results.filter((r) => r.seeded)).toHaveLength(1);
      expect(results.flatMap((r) => r.demoUsersCreated).length).toBeGreaterThan(0);
      const prisma = instances[0].prisma;
      expect(await prisma.gateProcess.count()).toBe(3);
      const gates = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "GateDefinition" GROUP BY "processId", "key" HAVING count(*) > 1`,
      );
      expect(gates).toEqual([]);
      const seeded = await prisma.project.count();
      expect(seeded).toBeGreaterThan(20);
      // once more, later: nothing new
      const again = await bootstrapDatabase(instances[1], { seed: true, demoUsers: true });
      expect(again).toMatchObject({ appliedMigrations: [], seeded: false, demoUsersCreated: [] });
      expect(await prisma.project.count()).toBe(seeded);
    });
  });
});
