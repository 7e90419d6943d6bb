import fs from "node:fs";
import pg from "pg";
import { openDatabase } from "../../lib/db/client";
import { sendOnce, type BenchCase, type UpdatePool } from "./cases";
import type { BenchDatabase } from "./data";
import { closedLoop, type LoadResult } from "./load";
import { sleep } from "./processes";
import { freshIds, isWrite, parseCapture, type Statement } from "./sql-replay";

/**
 * The SQL each case's request sends, captured from a server started with
 * the SQL-capture preload (scripts/bench/sql-capture.mjs): one request to warm up (caches fill as they would
 * under load), then the statements of one more.
 */
export async function captureCases(opts: {
  base: string;
  file: string;
  cases: BenchCase[];
  headersFor: (c: BenchCase) => Record<string, string>;
  pool: UpdatePool;
}): Promise<Map<string, Statement[]>> {
  const out = new Map<string, Statement[]>();
  for (const c of opts.cases) {
    await sendOnce(opts.base, c, opts.headersFor(c), opts.pool);
    await sleep(200);
    fs.writeFileSync(opts.file, "");
    const status = await sendOnce(opts.base, c, opts.headersFor(c), opts.pool);
    await sleep(300); // statements of work the response did not wait for
    if (status >= 400) throw new Error(`capturing ${c.id}: ${c.method} ${c.path} answered ${status}`);
    const statements = parseCapture(fs.readFileSync(opts.file, "utf8"));
    out.set(c.id, statements);
    console.log(`  ${c.id}: ${statements.length} SQL statements`);
  }
  return out;
}

export interface Replayer {
  /** Runs the statements once, in order; writes in a transaction that is rolled back. */
  once(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

/** PGlite in this process (the app must be stopped: one owner per data folder). */
async function pgliteReplayer(dataDir: string): Promise<Replayer> {
  const database = await openDatabase({ kind: "pglite", dataDir });
  const db = database.pglite!;
  return {
    async once(statements) {
      if (!statements.some(isWrite)) {
        for (const s of statements) await db.query(s.sql, s.params);
        return;
      }
      const fresh = freshIds(statements);
      await db.transaction(async (tx) => {
        for (const s of fresh) await tx.query(s.sql, s.params);
        await tx.rollback();
      });
    },
    close: () => database.close(),
  };
}

/** node-postgres, one pooled connection per concurrent replay. */
function postgresReplayer(url: string, connections: number): Replayer {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  return {
    async once(statements) {
      const client = await pool.connect();
      const write = statements.some(isWrite);
      try {
        if (write) await client.query("BEGIN");
        for (const s of write ? freshIds(statements) : statements) await client.query(s.sql, s.params);
        if (write) await client.query("ROLLBACK");
      } catch (err) {
        if (write) await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The database ceiling of each case at each concurrency: its captured SQL replayed back to back. */
export async function measureDatabaseCeiling(opts: {
  database: BenchDatabase;
  statements: Map<string, Statement[]>;
  connections: number[];
  seconds: number;
}): Promise<Map<string, LoadResult[]>> {
  const out = new Map<string, LoadResult[]>();
  const maxConnections = Math.max(...opts.connections);
  const replayer = opts.database.kind === "pglite" ? await pgliteReplayer(opts.database.location) : postgresReplayer(opts.database.location, maxConnections);
  try {
    for (const [id, statements] of opts.statements) {
      const results: LoadResult[] = [];
      await closedLoop({ connections: 1, seconds: 1, once: () => replayer.once(statements) }); // warm-up: plans, caches, PGlite's lazily compiled code
      for (const connections of opts.connections) {
        const r = await closedLoop({ connections, seconds: opts.seconds, once: () => replayer.once(statements) });
        console.log(`  db ceiling ${id.padEnd(18)} ${String(connections).padStart(3)} conn: ${r.latency?.median ?? "–"} ms median, ${r.rps} req/s`);
        results.push(r);
      }
      out.set(id, results);
    }
  } finally {
    await replayer.close();
  }
  return out;
}
