// The benchmark's SQL capture, fenced off from the product (issue 12.8): a
// Node preload the bench gives the server it starts
// (NODE_OPTIONS="--import <this file>", BENCH_SQL_CAPTURE=<file>), so that the
// "database ceiling" (scripts/bench/ceiling.ts) can replay exactly the SQL a
// request sent. It wraps the two drivers' query methods (pg's Client, PGlite
// and its transactions) and appends every statement and its parameters to the
// file, one JSON line each ({"sql", "params"}, as scripts/bench/sql-replay.ts
// reads them). Nothing in lib/ knows about it.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const WRAPPED = Symbol.for("lodestone.bench.sqlCapture");

/** Starts appending every statement the process's pg and PGlite clients send to `file`. */
export async function installSqlCapture(file, { root = process.cwd() } = {}) {
  const record = (sql, params) => {
    if (typeof sql !== "string") return;
    fs.appendFileSync(file, `${JSON.stringify({ sql, params: Array.isArray(params) ? params : [] })}\n`);
  };
  const wrapQuery = (proto, toStatement) => {
    if (!proto || proto.query[WRAPPED]) return;
    const original = proto.query;
    const wrapped = function (...args) {
      const [sql, params] = toStatement(args);
      record(sql, params);
      return original.apply(this, args);
    };
    wrapped[WRAPPED] = true;
    proto.query = wrapped;
  };
  const require = createRequire(path.join(root, "package.json"));

  // pg: adapter-pg calls client.query({ text, values, … }); pg.Pool hands out pg.Client.
  wrapQuery(require("pg").Client.prototype, ([q, values]) => (typeof q === "string" ? [q, values] : [q?.text, q?.values]));

  // PGlite: query(sql, params) on the instance, and on the transaction object it passes to transaction(fn).
  // Both builds (CommonJS and ES module): which one the server loads is the bundler's choice.
  const pglites = [require("@electric-sql/pglite").PGlite, (await import("@electric-sql/pglite")).PGlite];
  for (const PGlite of new Set(pglites)) {
    wrapQuery(PGlite.prototype, ([sql, params]) => [sql, params]);
    const transaction = PGlite.prototype.transaction;
    if (transaction[WRAPPED]) continue;
    PGlite.prototype.transaction = function (fn) {
      return transaction.call(this, (tx) => {
        const query = tx.query;
        tx.query = (sql, params, options) => {
          record(sql, params);
          return query.call(tx, sql, params, options);
        };
        return fn(tx);
      });
    };
    PGlite.prototype.transaction[WRAPPED] = true;
  }
}

if (process.env.BENCH_SQL_CAPTURE) await installSqlCapture(process.env.BENCH_SQL_CAPTURE);
