import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { databaseTarget, type DatabaseTarget } from "../env";
import { log } from "../log/logger";
import { acquireDataDirLock, lockPathFor, type HeldLock } from "./data-dir-lock";
import { restrictNewFiles, tightenTree } from "./private-files";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };

/** An open database: the Prisma client plus what it takes to close it cleanly. */
export interface Database {
  readonly target: DatabaseTarget;
  readonly prisma: PrismaClient;
  /** Present on the embedded database only. */
  readonly pglite?: PGlite;
  /**
   * Runs one parameterized statement on the driver itself, past the ORM: for binary values (document chunks), which
   * the ORM copies several times on their way to the driver. Measured inserting 100 chunks of 256 KB on PostgreSQL:
   * the process's resident memory grew ~150 MB through Prisma, ~20 MB through pg (decision record 0052).
   */
  execute(sql: string, params: unknown[]): Promise<void>;
  /**
   * Runs `fn` while holding a database-wide lock named `name`: instances starting at once on one PostgreSQL
   * database take turns (a PostgreSQL session advisory lock on a connection of its own, outside the pool, so a
   * pool of one still serves `fn`). The embedded database has one process by construction (the folder's lock).
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const transactionOptions = { maxWait: 5_000, timeout: 10_000 };

export async function openDatabase(target: DatabaseTarget = databaseTarget()): Promise<Database> {
  if (target.kind === "postgres") {
    // One pool, shared by the ORM and execute() below.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize,
      // pg_stat_activity shows whose connections these are (an application_name in the URL wins).
      application_name: "lodestone",
      // A server that is down or out of slots fails a request in bounded time (503), never hangs it.
      connectionTimeoutMillis: 5_000,
    });
    // An idle pooled connection dropped by a server restart: logged, then replaced on next use. Our own listener,
    // not the adapter's onPoolError: the adapter removes its listener on disconnect, and a connection terminated
    // while the pool is closing would then be an unhandled 'error' event, which ends the process.
    pool.on("error", (err) => log().warn({ err }, "idle database connection lost"));
    const adapter = new PrismaPg(pool, {
      onConnectionError: (err) => log().warn({ err }, "database connection error"),
    });
    const prisma = new PrismaClient({ adapter, transactionOptions });
    return {
      target,
      prisma,
      execute: async (sql, params) => void (await pool.query(sql, params)),
      async exclusive(name, fn) {
        const client = new pg.Client({ connectionString: target.url, application_name: "lodestone", connectionTimeoutMillis: 5_000 });
        await client.connect();
        try {
          await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [`lodestone:${name}`]);
          return await fn();
        } finally {
          // Ending the session releases its advisory locks, also when fn failed.
          await client.end().catch(() => undefined);
        }
      },
      async close() {
        await prisma.$disconnect();
        // A pool handed to the adapter is the caller's to end.
        if (!pool.ended) await pool.end();
      },
    };
  }

  const inMemory = target.dataDir.startsWith("memory://");
  // Only this account may read or change the database's files (lib/db/private-files.ts).
  if (!inMemory) restrictNewFiles();
  // The lock comes first: PGlite must never open a folder another process holds.
  const lock: HeldLock | undefined = inMemory ? undefined : acquireDataDirLock(target.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : target.dataDir, { extensions: PGLITE_EXTENSIONS });
    if (!inMemory) {
      tightenTree(target.dataDir);
      tightenTree(lockPathFor(target.dataDir));
    }
  } catch (err) {
    lock?.release();
    throw err;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions });
  let closed = false;
  return {
    target,
    prisma,
    pglite,
    execute: async (sql, params) => void (await pglite.query(sql, params)),
    exclusive: (_name, fn) => fn(),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

// One instance per process: Next may load this module more than once, and a
// second PGlite on the same folder would corrupt it.
const globalForDb = globalThis as unknown as { __lodestoneDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  globalForDb.__lodestoneDb ??= openDatabase().catch((err) => {
    globalForDb.__lodestoneDb = undefined;
    throw err;
  });
  return globalForDb.__lodestoneDb;
}

/** The process-wide Prisma client. */
export async function db(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Makes `database` the process-wide one (tests point the data layer at their own database). */
export function installDatabase(database: Database | undefined): void {
  globalForDb.__lodestoneDb = database ? Promise.resolve(database) : undefined;
}

export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.__lodestoneDb;
  globalForDb.__lodestoneDb = undefined;
  if (pending) await (await pending).close();
}
