/**
 * The server behind the end-to-end tests: a fresh embedded database (tests
 * change data, and every run must start from the seeded portfolio), then the
 * same start-up path as `npm start`.
 */
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";

const dataDir = path.resolve(env().LODESTONE_DATA_DIR);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.lock`, { force: true });
await import("./start.mjs");
