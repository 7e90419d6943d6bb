import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { DatabaseKind } from "./args";
import { root, tsx } from "./processes";

/**
 * The bench's databases: one per database kind and size, seeded once with the
 * synthetic portfolio and reused while the generator is unchanged. The marker
 * `.data/bench-<db>-<size>.json` records what was seeded; it is written last,
 * so an interrupted seed is never taken for a finished one.
 */
export const MILESTONES_PER_PROJECT = 10;
export const HISTORY_PER_PROJECT = 20;

/** Everything that shapes the seeded rows: a change to any of it seeds again. */
const GENERATOR_INPUTS = ["scripts/bench/synthetic.ts", "lib/db/seed.ts", "lib/db/bulk-insert.ts", "lib/db/seed-types.ts", "prisma/schema.prisma"];

export function generatorVersion(): string {
  const hash = createHash("sha256");
  for (const file of GENERATOR_INPUTS) hash.update(`${file}\n`).update(fs.readFileSync(path.join(root, file)));
  hash.update(`milestones=${MILESTONES_PER_PROJECT} history=${HISTORY_PER_PROJECT}`);
  return hash.digest("hex").slice(0, 16);
}

export interface BenchDatabase {
  kind: DatabaseKind;
  size: number;
  /** Environment for the app and the db scripts: selects this database. */
  env: NodeJS.ProcessEnv;
  /** The PGlite folder or the PostgreSQL URL. */
  location: string;
  /** Seconds the seed took in this run; undefined when an earlier seed was reused. */
  seedSeconds?: number;
  seededAt: string;
}

interface Marker {
  generator: string;
  size: number;
  location: string;
  seededAt: string;
  seedSeconds: number;
}

/** A fixed secret: production requires one with DATABASE_URL; sessions survive restarts between cases. */
const BENCH_AUTH_SECRET = "lodestone-bench-secret-not-for-production-0123456789";

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates the database on the server when it does not exist; returns whether it holds the expected projects. */
async function ensurePostgresDatabase(serverUrl: string, name: string, size: number): Promise<boolean> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE "${name}"`);
      return false;
    }
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, name) });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Project"`);
    return rows[0]?.n === size;
  } catch {
    return false; // not migrated yet
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(opts: { kind: DatabaseKind; size: number; postgresUrl: string; reseed: boolean }): Promise<BenchDatabase> {
  const { kind, size } = opts;
  const markerPath = path.join(root, ".data", `bench-${kind}-${size}.json`);
  fs.mkdirSync(path.dirname(markerPath), { recursive: true });
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", BETTER_AUTH_SECRET: BENCH_AUTH_SECRET };
  delete base.DATABASE_URL;
  delete base.LODESTONE_DATA_DIR;
  delete base.BENCH_SQL_CAPTURE;

  let location: string;
  let env: NodeJS.ProcessEnv;
  let present: boolean;
  if (kind === "pglite") {
    location = path.join(root, ".data", `bench-pglite-${size}`);
    env = { ...base, LODESTONE_DATA_DIR: location };
    present = fs.existsSync(path.join(location, "PG_VERSION"));
  } else {
    const name = `lodestone_bench_${size}`;
    location = databaseUrl(opts.postgresUrl, name);
    env = { ...base, DATABASE_URL: location, DATABASE_POOL_SIZE: "10" };
    present = await ensurePostgresDatabase(opts.postgresUrl, name, size);
  }

  const generator = generatorVersion();
  let marker: Marker | undefined;
  try {
    marker = JSON.parse(fs.readFileSync(markerPath, "utf8")) as Marker;
  } catch {
    marker = undefined;
  }
  const reusable = !opts.reseed && present && marker?.generator === generator && marker.size === size && marker.location === location;
  const where = kind === "pglite" ? path.relative(root, location) : location;

  console.log(`\n▸ ${kind}, ${size.toLocaleString("en-US")} projects: ${where}`);
  await tsx("scripts/db.ts", ["migrate"], env); // keeps a reused database in step with the schema (a no-op when it is)
  if (reusable && marker) {
    console.log(`  reusing the portfolio seeded ${marker.seededAt} (generator ${generator}; --reseed to replace it)`);
    await tsx("scripts/bench/bench-users.ts", [], env);
    return { kind, size, env, location, seededAt: marker.seededAt };
  }
  fs.rmSync(markerPath, { force: true });
  console.log(`  seeding ${size} projects × ${MILESTONES_PER_PROJECT} milestones × ${HISTORY_PER_PROJECT} history entries …`);
  const started = performance.now();
  await tsx(
    "scripts/db.ts",
    ["seed", "--synthetic", String(size), "--reset", "--milestones", String(MILESTONES_PER_PROJECT), "--history", String(HISTORY_PER_PROJECT)],
    env,
  );
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  await tsx("scripts/bench/bench-users.ts", [], env);
  const next: Marker = { generator, size, location, seededAt: new Date().toISOString(), seedSeconds };
  fs.writeFileSync(markerPath, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`  seeded in ${seedSeconds} s`);
  return { kind, size, env, location, seedSeconds, seededAt: next.seededAt };
}
