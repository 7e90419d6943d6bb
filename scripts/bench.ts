/**
 * npm run bench [-- run|soak …]: the benchmark suite. See bench/README.md and
 * `npm run bench -- --help`.
 *
 *   run (default)  builds once, then for each database × size: seeds (cached),
 *                  captures each case's SQL, measures the database ceiling, starts
 *                  the app and loads it with autocannon at each connection count.
 *   soak           a steady mixed load on one database for N minutes.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, redactSecrets, type BenchArgs, type RunArgs } from "./bench/args";
import { loadavg } from "./bench/load";
import { installSignalHandlers, isStopping, root, run, stopAllServers } from "./bench/processes";
import { markdownReport, type RunMeta } from "./bench/report";
import { runSoak } from "./bench/soak";
import { resultStem } from "./bench/stats";
import { runSuite, type SuiteResult } from "./bench/suite";
import { buildIsCurrent, markBuilt } from "./build-stamp";

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

export function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

async function ensureBuild(skip: boolean): Promise<void> {
  if (skip) {
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("--skip-build, but there is no build (.next/BUILD_ID)");
    if (!buildIsCurrent(root)) console.log("▸ --skip-build: using a build of older sources.");
    return;
  }
  if (buildIsCurrent(root)) {
    console.log("▸ The build is current.");
    return;
  }
  console.log("▸ Building the app (next build) …");
  const started = performance.now();
  await run(path.join(root, "node_modules", ".bin", "next"), ["build"], { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  markBuilt(root);
  console.log(`  built in ${Math.round((performance.now() - started) / 1000)} s`);
}

/** Writes bench/results/<stem>.json and .md; returns their paths. */
export function writeResults(stem: string, json: object, markdown: string): { json: string; md: string } {
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = (ext: string) => path.join(dir, `${stem}.${ext}`);
  fs.writeFileSync(`${file("json")}.tmp`, `${JSON.stringify(json, null, 2)}\n`);
  fs.renameSync(`${file("json")}.tmp`, file("json"));
  fs.writeFileSync(file("md"), markdown);
  return { json: path.relative(root, file("json")), md: path.relative(root, file("md")) };
}

const stemFor = (d: Date, suffix = "") => resultStem(d, (s) => fs.existsSync(path.join(root, "bench", "results", `${s}${suffix}.json`))) + suffix;

async function runMatrix(args: RunArgs, command: string): Promise<number> {
  const started = new Date();
  const loadStart = loadavg();
  const m = machine();
  console.log(
    `Benchmark: ${args.databases.join(", ")} × ${args.sizes.join(", ")} projects × ${args.connections.join("/")} connections, ${args.duration} s each`,
  );
  console.log(`${m.cpus} CPUs (${m.cpuModel}), load average ${loadStart.join(" / ")}`);
  await ensureBuild(args.skipBuild);
  const stem = stemFor(started);
  const suites: SuiteResult[] = [];
  const failures: { database: string; size: number; error: string }[] = [];
  const save = () => {
    const meta = metaNow();
    const config = { ...args, peer: args.peer && { ...args.peer, apiKey: "(redacted)", password: args.peer.password && "(redacted)" } };
    return { meta, files: writeResults(stem, { meta, machine: m, config, suites, failures }, markdownReport(meta, suites, failures)) };
  };
  const metaNow = (): RunMeta => ({
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    command,
    commit: gitCommit(),
    ...m,
    loadavgStart: loadStart,
    loadavgEnd: loadavg(),
    durationSeconds: args.duration,
    ceilingSeconds: Math.max(2, Math.ceil(args.duration / 2)),
  });
  // Each database × size is saved as soon as it is done, and a failure of one (a server that died) does not lose the others.
  for (const size of args.sizes)
    for (const kind of args.databases) {
      try {
        suites.push(await runSuite(args, kind, size));
      } catch (err) {
        if (isStopping()) throw err;
        const error = err instanceof Error ? err.message : String(err);
        console.error(`\n${kind} × ${size} failed: ${error}`);
        failures.push({ database: kind, size, error });
        await stopAllServers().catch(() => {});
      }
      save();
    }
  const { meta, files } = save();
  console.log(`\n${markdownReport(meta, suites, failures)}\nResults: ${files.json}, ${files.md}`);
  return failures.length ? 1 : 0;
}

async function main(): Promise<number> {
  let args: BenchArgs;
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(BENCH_USAGE);
    return 0;
  }
  try {
    args = parseBenchArgs(argv, process.env);
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    console.error(`error: ${err.message}\n${BENCH_USAGE}`);
    return 2;
  }
  installSignalHandlers();
  const shown = redactSecrets(argv);
  const command = `npm run bench${shown.length ? ` -- ${shown.join(" ")}` : ""}`;
  if (args.command === "soak") {
    await ensureBuild(args.skipBuild);
    const { json, markdown, started } = await runSoak(args, command, { commit: gitCommit(), machine: machine() });
    const files = writeResults(stemFor(started, "-soak"), json, markdown);
    console.log(`\n${markdown}\nResults: ${files.json}, ${files.md}`);
    return 0;
  }
  return runMatrix(args, command);
}

main()
  .then((code) => process.exit(code))
  .catch(async (err: unknown) => {
    if (isStopping()) return; // Ctrl-C: the signal handler is stopping everything
    console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await stopAllServers().catch(() => {});
    process.exit(1);
  });
