import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The offline migration runner (lib/db/schema-engine.ts) uses
 * @prisma/schema-engine-wasm beside the installed Prisma (docs/decisions/0033).
 * It is pinned exactly: a caret range let it float to a build made for other
 * engines than the ones Prisma ships. Prisma publishes no schema-engine-wasm
 * for every engines build (none for 8.1.0-1.d1b3f377…, the one Prisma 7.10.1
 * ships), so the pin is the nearest published build, checked against the
 * migrations by lib/db/migrations.test.ts. These fail when either side moves:
 * then re-check the pair (a schema-engine-wasm for the new engines hash, the
 * drift test) and update both constants in one commit.
 */
const PINNED_SCHEMA_ENGINE_WASM = "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323";
const PRISMA_ENGINES_VERSION = "8.1.0-1.d1b3f377ca835d73fd50954a5e22128b9ebdd6b8";

const root = path.resolve(import.meta.dirname, "../..");
const json = (p: string) => JSON.parse(fs.readFileSync(path.join(root, p), "utf8")) as { version: string; devDependencies?: Record<string, string> };

describe("the schema engine pin", () => {
  it("pins @prisma/schema-engine-wasm exactly (no range), to the build installed", () => {
    expect(json("package.json").devDependencies?.["@prisma/schema-engine-wasm"]).toBe(PINNED_SCHEMA_ENGINE_WASM);
    expect(json("node_modules/@prisma/schema-engine-wasm/package.json").version).toBe(PINNED_SCHEMA_ENGINE_WASM);
  });

  it("was checked against the engines the installed Prisma ships", () => {
    expect(json("node_modules/@prisma/engines-version/package.json").version).toBe(PRISMA_ENGINES_VERSION);
  });
});
