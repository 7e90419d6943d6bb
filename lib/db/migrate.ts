import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "./client";
import { loadMigrationsList, MIGRATIONS_DIR, NO_FILTERS, readSchema, withSchemaEngine } from "./schema-engine";

/**
 * The PGlite adapter factory, with a shadow database that has our extensions:
 * the adapter's own shadow is a bare PGlite, on which the search migration's
 * CREATE EXTENSION pg_trgm fails.
 */
function pgliteFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPGlite(pglite);
  factory.connectToShadowDb = async () => new PrismaPGlite(await PGlite.create({ dataDir: "memory://shadow", extensions: PGLITE_EXTENSIONS })).connect();
  return factory;
}

function adapterFactoryFor(database: Database): SqlMigrationAwareDriverAdapterFactory {
  if (database.pglite) return pgliteFactory(database.pglite);
  if (database.target.kind !== "postgres") throw new Error("no adapter for this database");
  // One connection is enough; the engine takes Prisma's advisory lock, so
  // several instances starting at once apply each migration once.
  return wholeScripts(new PrismaPg({ connectionString: database.target.url, max: 1 }));
}

interface ScriptRunner {
  executeScript(script: string): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}

/**
 * adapter-pg runs a migration script by splitting it at every ";", which cuts
 * function bodies (the search migration's triggers) apart. PostgreSQL's simple
 * query protocol takes the whole script in one round trip, as psql and the
 * Prisma CLI send it.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script: string) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

/** `prisma migrate deploy`: applies the committed migrations not yet applied. */
export async function applyPendingMigrations(database: Database): Promise<string[]> {
  return withSchemaEngine(adapterFactoryFor(database), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: loadMigrationsList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

export interface MigrationStatus {
  applied: number;
  total: number;
  pending: string[];
  problem?: string;
}

/** `prisma migrate status`. */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const migrationsList = loadMigrationsList();
  return withSchemaEngine(adapterFactoryFor(database), async (engine) => {
    const out = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const total = migrationsList.migrationDirectories.length;
    const h = out.history;
    const pending = h && "unappliedMigrationNames" in h ? h.unappliedMigrationNames : [];
    let problem: string | undefined;
    if (h?.diagnostic === "historiesDiverge" || h?.diagnostic === "migrationsDirectoryIsBehind")
      problem = `The database has migrations this checkout does not (${h.unpersistedMigrationNames.join(", ")}).`;
    if (out.failedMigrationNames.length) problem = `Failed migrations: ${out.failedMigrationNames.join(", ")}.`;
    return { applied: total - pending.length, total, pending, problem };
  });
}

/**
 * SQL that takes a database built from prisma/migrations to schema.prisma; empty
 * when they agree. Runs against throwaway in-memory databases only.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const scratch = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  try {
    return await withSchemaEngine(pgliteFactory(scratch), async (engine) => {
      const migrationsList = loadMigrationsList();
      const result = await engine.diff({
        from: migrationsList.migrationDirectories.length ? { tag: "migrations", ...migrationsList } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: readSchema() }] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      });
      return result.exitCode === 0 ? "" : (result.stdout ?? "").trim();
    });
  } finally {
    await scratch.close();
  }
}

/** `prisma migrate dev --create-only`: writes the next migration; undefined when none is needed. */
export async function createMigration(name: string, now = new Date()): Promise<string | undefined> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!slug) throw new Error("Give the migration a name, e.g. npm run db:migration:create -- add_budget");
  const sql = await diffMigrationsToSchema();
  if (!sql) return undefined;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock))
    fs.writeFileSync(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  return dir;
}
