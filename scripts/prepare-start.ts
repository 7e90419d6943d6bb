/**
 * The preparing half of `npm start` (scripts/start.mjs runs it, then serves):
 * migrate and seed the database, build if the sources changed, and hand the
 * server's command line over. Flags: --dev (next dev instead of a production
 * build), --no-seed (never seed; production), --no-build (serve the existing
 * build).
 *
 * Why a separate process: this one loads the data layer (and, embedded, the
 * database's WebAssembly heap: ~350 MB that closing it does not give back);
 * kept alive beside the server it doubled what `npm start` holds. It exits
 * before the server starts (issue 20).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bootstrapDatabase } from "../lib/db/bootstrap";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { authSecret } from "../lib/auth/secret";
import { DEMO_USERS } from "../lib/auth/users";
import { databaseTarget, demoUsersEnabled, env, publicUrl } from "../lib/env";
import { buildIsCurrent, markBuilt } from "./build-stamp";
import { runCli } from "./cli";

const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dev: { type: "boolean", default: false },
      "no-seed": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
    },
  });
  const e = env(); // fails here, in one line, on bad configuration
  const target = databaseTarget(e);
  const where = target.kind === "pglite" ? `embedded database at ${target.dataDir}` : "PostgreSQL (DATABASE_URL)";
  console.log(`Preparing the ${where} …`);
  const demoUsers = demoUsersEnabled(e) && !values["no-seed"];
  const result = await bootstrapDatabase(await getDatabase(), { seed: !values["no-seed"], demoUsers });
  authSecret(); // fails now, in one line, when production has no BETTER_AUTH_SECRET
  // The server process takes the database over: release it (and its lock) first.
  await closeDatabase();
  if (result.appliedMigrations.length) console.log(`Applied migrations: ${result.appliedMigrations.join(", ")}`);
  if (result.seeded) console.log("Seeded the Minmetals portfolio.");
  if (demoUsers) printDemoUsers();

  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  // Listen on HOSTNAME only (default localhost): never on every interface unless asked (README, Security).
  const listen = ["-p", String(e.PORT), "-H", e.HOSTNAME];
  if (values.dev) return handOver(["dev", ...listen], { NODE_ENV: "development" });

  if (!values["no-build"] && !buildIsCurrent(root)) {
    console.log("Building the app (first run or sources changed) …");
    const build = spawnSync(nextBin(), ["build"], { cwd: root, stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) return build.status ?? 1;
    markBuilt(root);
  }
  // Next would exit on SIGTERM before we close the database; we handle signals ourselves (instrumentation.ts).
  return handOver(["start", ...listen], { NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1" });
}

/** What scripts/start.mjs needs to serve: next's arguments, the variables to add, the URL to announce. */
export interface StartHandoff {
  args: string[];
  env: Record<string, string>;
  url: string;
}

function handOver(args: string[], env: Record<string, string>): number {
  const file = process.env.LODESTONE_START_HANDOFF;
  if (!file) {
    console.error("error: run `npm start` (scripts/start.mjs), which serves after this preparing step");
    return 1;
  }
  const handoff: StartHandoff = { args, env: { NEXT_TELEMETRY_DISABLED: "1", ...env }, url: publicUrl() };
  fs.writeFileSync(file, JSON.stringify(handoff), { mode: 0o600 });
  return 0;
}

function printDemoUsers(): void {
  console.log("\nDemo sign-ins (embedded demo only; never created with DATABASE_URL):");
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(28)} password: ${u.password}`);
  console.log("");
}

function nextBin(): string {
  return path.join(root, "node_modules", ".bin", "next");
}

runCli(main, closeDatabase);
