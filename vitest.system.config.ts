import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * System tests (tests/system): the production build served by `next start`
 * processes on PGlite and, with TEST_DATABASE_URL, PostgreSQL — several
 * instances, shutdown, crashes, a database restart, fuzzing. One file at a
 * time: each starts servers of its own.
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/system/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/system/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
