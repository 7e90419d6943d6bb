/**
 * npm run bench:import [-- --projects 5000 --milestones 10 --postgres --webhook]   (node --conditions=react-server: the data layer imports "server-only")
 * Generates the import workbook deterministically (scripts/bench/synthetic-import.ts),
 * then runs it through the import as the endpoint does (read the file, dry run or
 * apply) against a fresh embedded database in a temporary data folder, as the app
 * runs it (or, with --postgres, a throwaway database on TEST_DATABASE_URL): dry
 * run, apply, the same file again (nothing changes), and a file with changes.
 * With --webhook, one active subscription to every event, so each changed record
 * also enqueues its webhook event. Prints wall seconds, this process's CPU seconds
 * (the embedded database runs in it; on a shared machine CPU time is the steadier
 * number) and its peak RSS growth over the start of each step.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { installDatabase, openDatabase } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrate";
import { ensureOrgUnits } from "../lib/db/seed-org-units";
import { runImport, type ImportMode } from "../lib/import/run-import";
import { createThrowawayPostgres } from "../lib/test/throwaway-postgres";
import { createViewer } from "../lib/test/viewers";
import { SYNTHETIC_ORG_UNITS } from "./bench/synthetic";
import { syntheticImportWorkbook } from "./bench/synthetic-import";

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "5000" },
    milestones: { type: "string", default: "10" },
    postgres: { type: "boolean", default: false },
    webhook: { type: "boolean", default: false },
  },
});
const projects = Number(values.projects);
const milestonesPerProject = Number(values.milestones);

const adminUrl = process.env.TEST_DATABASE_URL;
if (values.postgres && !adminUrl) throw new Error("--postgres needs TEST_DATABASE_URL");
const throwaway = values.postgres ? await createThrowawayPostgres(adminUrl!, "bench_import") : null;
// A data folder, not memory://: an in-memory database keeps every written page in this process's heap, which the
// RSS growth would then count as the import's.
const dataDir = throwaway ? null : await mkdtemp(join(tmpdir(), "lodestone-bench-import-"));
const database = await openDatabase(throwaway ? { kind: "postgres", url: throwaway.url.toString(), poolSize: 5 } : { kind: "pglite", dataDir: dataDir! });
installDatabase(database);
await applyPendingMigrations(database);
await ensureOrgUnits(database.prisma, SYNTHETIC_ORG_UNITS);
const viewer = await createViewer(database.prisma, "admin", "Bench Admin");
if (values.webhook)
  await database.prisma.webhookEndpoint.create({ data: { url: "http://127.0.0.1:9/bench", secret: randomBytes(32).toString("hex"), topics: [] } });
const units = (await database.prisma.orgUnit.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((u) => u.code);

const t = performance.now();
const file = await syntheticImportWorkbook({ projects, milestonesPerProject, units });
const changed = await syntheticImportWorkbook({ projects, milestonesPerProject, units, variant: 1 });
console.log(
  `workbook: ${projects} projects, ${projects * milestonesPerProject} milestones, ${(file.length / 1024 / 1024).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
console.log(
  `database: ${throwaway ? "PostgreSQL (throwaway database on TEST_DATABASE_URL)" : "PGlite in a temporary data folder"}${values.webhook ? ", one webhook subscription" : ""}`,
);

/**
 * RSS growth of a step: the highest resident set sampled every 20 ms while it
 * runs (the samples land between the step's awaits), over the RSS when it started.
 */
async function step(label: string, mode: ImportMode, bytes: Uint8Array) {
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await runImport({ viewer, kind: "portfolio", mode, fileName: "bench.xlsx", bytes });
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!r.ok) throw new Error(`${label}: ${JSON.stringify(r.error).slice(0, 2000)}`);
  console.log(
    `${label.padEnd(26)} ${s.toFixed(1).padStart(6)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)   create ${r.data.counts.create}, update ${r.data.counts.update}, unchanged ${r.data.counts.unchanged}   RSS growth ${((peak - startRss) / 1024 / 1024).toFixed(0)} MB (peak ${(peak / 1024 / 1024).toFixed(0)} MB)`,
  );
}
await step("dry run", "check", file);
await step("apply", "apply", file);
await step("same file again: dry run", "check", file);
await step("same file again: apply", "apply", file);
await step("changed file: apply", "apply", changed);
const [p, m, h, a, o] = await Promise.all([
  database.prisma.project.count(),
  database.prisma.milestone.count(),
  database.prisma.statusUpdate.count(),
  database.prisma.auditEntry.count(),
  database.prisma.outboxMessage.count(),
]);
console.log(`written: ${p} projects, ${m} milestones, ${h} history entries, ${a} audit entries, ${o} webhook events`);
await database.close();
await throwaway?.drop();
if (dataDir) await rm(dataDir, { recursive: true, force: true });
