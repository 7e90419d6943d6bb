import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A fingerprint of everything `next build` reads, so `npm start` rebuilds only
 * when the sources changed since the last build.
 */
const INPUTS = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (!name.startsWith(".") && name !== "node_modules") walk(path.join(p, name), out);
  } else out.push(`${p}:${st.size}:${st.mtimeMs}`);
}

export function sourceFingerprint(root: string): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

const stampPath = (root: string) => path.join(root, ".next", "lodestone-build-stamp");

export function buildIsCurrent(root: string): boolean {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(stampPath(root), "utf8") === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function markBuilt(root: string): void {
  fs.writeFileSync(stampPath(root), sourceFingerprint(root));
}
