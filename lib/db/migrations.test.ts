import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { applyPendingMigrations, diffMigrationsToSchema, migrationStatus } from "./migrate";
import { loadMigrationsList } from "./schema-engine";

describe("migrations", () => {
  it("replaying prisma/migrations gives exactly schema.prisma (no drift)", async () => {
    const drift = await diffMigrationsToSchema();
    // On failure this prints the SQL a new migration needs: npm run db:migration:create -- NAME
    expect(drift).toBe("");
  });

  it("applies every migration once and reports the database current", async () => {
    const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    try {
      const total = loadMigrationsList().migrationDirectories.length;
      expect(total).toBeGreaterThan(0);
      expect(await migrationStatus(database)).toMatchObject({ applied: 0, pending: expect.any(Array) });
      expect(await applyPendingMigrations(database)).toHaveLength(total);
      expect(await applyPendingMigrations(database)).toEqual([]);
      expect(await migrationStatus(database)).toEqual({ applied: total, total, pending: [], problem: undefined });
      const rows = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
      expect(Number(rows[0].n)).toBe(total);
    } finally {
      await database.close();
    }
  });
});
