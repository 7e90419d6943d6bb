/**
 * Prints the README's performance tables from a results file:
 *   npx tsx scripts/bench/readme-table.ts bench/results/<stem>.json [size]
 * (size: default the largest measured).
 */
import fs from "node:fs";
import { memoryTable, summaryTable, type RunMeta } from "./report";
import type { SuiteResult } from "./suite";

const [file, sizeArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx scripts/bench/readme-table.ts bench/results/<stem>.json [size]");
  process.exit(2);
}
const { meta, suites } = JSON.parse(fs.readFileSync(file, "utf8")) as { meta: RunMeta; suites: SuiteResult[] };
const size = sizeArg ? Number(sizeArg) : Math.max(...suites.map((s) => s.size));
console.log(
  `${size.toLocaleString("en-US")} projects, \`${meta.command}\` at \`${meta.commit}\` on ${meta.cpus} CPUs, load average ${meta.loadavgStart[0]} → ${meta.loadavgEnd[0]} (${file}):\n`,
);
console.log(summaryTable(suites, size));
console.log("");
console.log(memoryTable(suites));
