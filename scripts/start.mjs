/**
 * `npm start` and `npm run start:prod`: prepare (scripts/prepare-start.ts:
 * migrate, seed, build), then serve with `next start` (or `next dev`).
 * Flags: --dev, --no-seed, --no-build (see prepare-start.ts).
 *
 * Plain JavaScript on purpose: this process stays alive beside the server for
 * as long as it runs (it forwards signals and returns the server's exit code),
 * so it loads nothing but Node itself — no TypeScript loader, no data layer.
 * The preparing step, which loads both, is a child that exits before the
 * server starts (issue 20: the wrappers held ~360 MB beside the server).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const handoffFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lodestone-start-")), "handoff.json");
const cleanup = () => fs.rmSync(path.dirname(handoffFile), { recursive: true, force: true });

// Until the server runs, a signal is the preparing child's to handle (it closes the database); we only wait for it.
let child = null;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child?.kill(signal));

function run(command, args, options) {
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: root, ...options });
    child.on("exit", (code, signal) => resolve({ code, signal, proc: child }));
  });
}

const prepared = await run(process.execPath, ["--import", "tsx", path.join(root, "scripts/prepare-start.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, LODESTONE_START_HANDOFF: handoffFile },
});
if (prepared.code !== 0 || !fs.existsSync(handoffFile)) {
  cleanup();
  process.exit(prepared.code ?? 1);
}
const handoff = JSON.parse(fs.readFileSync(handoffFile, "utf8"));
cleanup();

child = null;
const served = new Promise((resolve) => {
  child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), ...handoff.args], {
    cwd: root,
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, ...handoff.env },
  });
  let announced = false;
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (!announced && /Ready in|ready/i.test(chunk.toString())) {
      announced = true;
      console.log(`\nLodestone is running at ${handoff.url}  (Ctrl-C to stop)\n`);
    }
  });
  child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1)));
});
process.exit(await served);
