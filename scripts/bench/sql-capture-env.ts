import path from "node:path";
import { root } from "./processes";

/**
 * The environment that makes a server the bench starts write down its SQL
 * (scripts/bench/sql-capture.mjs, a preload; the product has no such switch).
 * NODE_OPTIONS reaches every process `npm start` spawns, the Next server too.
 */
export function sqlCaptureEnv(file: string): Record<string, string> {
  const preload = path.join(root, "scripts", "bench", "sql-capture.mjs");
  return { BENCH_SQL_CAPTURE: file, NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${JSON.stringify(preload)}`].filter(Boolean).join(" ") };
}
