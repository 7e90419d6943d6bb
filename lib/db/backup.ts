import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import type { DatabaseTarget } from "../env";
import type { Database } from "./client";
import { acquireDataDirLock } from "./data-dir-lock";
import { restrictNewFiles, tightenTree } from "./private-files";
import type { PrismaClient } from "./generated/client";

/**
 * Backups: the embedded database as PGlite's own dump (a gzipped tarball of
 * its data folder, taken through the open instance so it is consistent), and
 * PostgreSQL with pg_dump/pg_restore in their custom format.
 */
export async function backupDatabase(database: Database, file: string): Promise<void> {
  if (database.pglite) {
    const dump = await database.pglite.dumpDataDir("gzip");
    // A backup holds every password hash: readable by this account only.
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return;
  }
  if (database.target.kind !== "postgres") throw new Error("unknown database kind");
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, database.target.url]);
  fs.chmodSync(file, 0o600);
}

/** Restores into an empty target: a new data folder, or an empty PostgreSQL database. */
export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (target.kind === "pglite") {
    if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).length)
      throw new Error(`${target.dataDir} is not empty: restore into a new folder (set LODESTONE_DATA_DIR) or move it away first`);
    restrictNewFiles();
    const lock = acquireDataDirLock(target.dataDir);
    try {
      const pglite = await PGlite.create(target.dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]), extensions: PGLITE_EXTENSIONS });
      await pglite.close();
      tightenTree(target.dataDir);
    } finally {
      lock.release();
    }
    return;
  }
  run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target.url}`, file]);
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new Error(`${command} is not installed: install PostgreSQL's client tools (e.g. apt-get install postgresql-client) matching your server's version`);
  if (r.status !== 0) throw new Error(`${command} failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ")}`);
}

const TABLES = [
  "Project",
  "Milestone",
  "StatusUpdate",
  "FieldChange",
  "Source",
  "SourceQuote",
  "FactBasis",
  "user",
  "account",
  "ProjectManager",
  "SavedView",
  "UserPreference",
  "_prisma_migrations",
  // capex and KPIs (issue 13)
  "CostCategory",
  "ExchangeRateSet",
  "ExchangeRate",
  "BudgetVersion",
  "BudgetLine",
  "CostLine",
  "KpiDefinition",
  "KpiActual",
  "KpiTarget",
  "KpiDesignCapacity",
  // their summaries, kept by triggers (a restore must bring them back as they were, not re-add the lines to them)
  "CostMonth",
  "BudgetMonth",
  "CapexSummary",
  "KpiSummary",
];

/** Row count and a checksum of every row of each table, to compare a restore with its original. */
export async function tableChecksums(prisma: PrismaClient): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of TABLES) {
    // Table names come from the fixed list above. Rows are ordered by their text form, so the checksum ignores physical order.
    const [r] = await prisma.$queryRawUnsafe<{ rows: bigint; md5: string | null }[]>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${table}" t`,
    );
    out[table] = { rows: Number(r.rows), md5: r.md5 ?? "" };
  }
  return out;
}
