import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { readSchema } from "./migrations-dir";

export { loadMigrationsList, MIGRATIONS_DIR, readSchema, SCHEMA_PATH } from "./migrations-dir";
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/**
 * Prisma's schema engine as WebAssembly, so migrations run offline: the Prisma
 * CLI would download a native engine from the internet. See
 * docs/decisions/0002-offline-migrations.md.
 */
const require = createRequire(import.meta.url);

type Bg = { SchemaEngine: typeof SchemaEngine };
let bgPromise: Promise<Bg> | undefined;

function loadEngineModule(): Promise<Bg> {
  bgPromise ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(/* webpackIgnore: true */ bgPath)) as Bg;
    const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    // Node 20 cannot import .wasm as an ES module: instantiate it by hand.
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return bgPromise;
}

/**
 * Runs fn with a schema engine bound to the adapter factory, then frees it.
 * The engine never disposes the connections it opens, so we track and close them.
 */
export async function withSchemaEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  const opened: { dispose(): Promise<void> }[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const a = await factory.connect();
      opened.push(a);
      return a;
    },
    async connectToShadowDb() {
      const a = await factory.connectToShadowDb();
      opened.push(a);
      return a;
    },
  };
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", readSchema()]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }
}
