import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, installDatabase, type Database } from "../db/client";
import { applyPendingMigrations } from "../db/migrate";

/**
 * Database tests run against the embedded PGlite always and, when
 * TEST_DATABASE_URL is set, against a real PostgreSQL server too; each suite
 * gets a fresh database with the committed migrations applied.
 */
export type Backend = "pglite" | "postgres";

export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase extends Database {
  backend: Backend;
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "pglite") {
    const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    await applyPendingMigrations(database);
    return { ...database, backend };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `lodestone_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  await applyPendingMigrations(database);
  return {
    ...database,
    backend,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * In a describe block: a fresh database for the block, installed as the
 * process-wide one so the data layer under test uses it.
 */
export function withTestDatabase(backend: Backend): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    installDatabase(database);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("test database not ready");
    return database;
  };
}
