import { afterAll, beforeAll } from "vitest";
import { openDatabase, installDatabase, type Database } from "../db/client";
import { applyPendingMigrations } from "../db/migrate";
import { createThrowawayPostgres } from "./throwaway-postgres";

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
  const { url, drop } = await createThrowawayPostgres(process.env.TEST_DATABASE_URL!, "lodestone_test");
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  await applyPendingMigrations(database);
  return {
    ...database,
    backend,
    async close() {
      await database.close();
      await drop();
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
