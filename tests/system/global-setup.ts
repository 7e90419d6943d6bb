import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, markBuilt } from "../../scripts/build-stamp";

/** The system tests serve the production build: build it when the sources changed (npm test's e2e tier usually just did). */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "../..");
  if (buildIsCurrent(root)) return;
  console.log("Building the app for the system tests …");
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
  markBuilt(root);
}
