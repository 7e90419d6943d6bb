/**
 * Times the monthly-reporting read paths in-process, uncached, against a
 * synthetic portfolio with published reports:
 *   - the pack of one period for one subsidiary (what /reports/<period>?unit=SYN-A reads; the target: 300 ms median),
 *   - the whole group's pack as XLSX (time and RSS growth; targets 10 s and 150 MB),
 *   - the reporting-compliance card (target 150 ms uncached).
 * It seeds what is missing into the database the environment selects
 * (LODESTONE_DATA_DIR or DATABASE_URL): N synthetic projects, then M months of
 * published reports each.
 *
 *   node --conditions=react-server --import tsx scripts/bench-reports.ts --projects 20000 --months 24 [--calls 20]
 *   (the size; DATABASE_URL=postgres://… for PostgreSQL)
 *
 * (--conditions=react-server: the data layer imports "server-only".)
 */
import { parseArgs } from "node:util";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrate";
import { loadPortfolio } from "../lib/db/seed";
import { generateSyntheticProjects, SYNTHETIC_ORG_UNITS } from "./bench/synthetic";
import { getReportingCompliance } from "../lib/reports/compliance";
import { packXlsxStream } from "../lib/reports/pack-export";
import { packLabels } from "../lib/reports/pack-labels";
import { getReportPack } from "../lib/reports/read-reports";
import { seedSyntheticReports } from "../lib/reports/synthetic-reports";
import { formatMs, summarize } from "./bench/stats";

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "1000" },
    months: { type: "string", default: "3" },
    calls: { type: "string", default: "20" },
    period: { type: "string", default: "2026-10" },
  },
});
const projects = Number(values.projects);
const months = Number(values.months);
const calls = Number(values.calls);
const period = values.period;

async function time(name: string, fn: () => Promise<unknown>, n = calls) {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  const s = summarize(ms);
  console.log(`${name.padEnd(44)} median ${formatMs(s.median)}  p95 ${formatMs(s.p95)}  (n=${n})`);
  return s;
}

const database = await getDatabase();
await applyPendingMigrations(database);
const prisma = database.prisma;
const have = await prisma.project.count();
if (have < projects) {
  console.log(`▸ seeding ${projects - have} synthetic projects …`);
  const t = performance.now();
  await loadPortfolio(prisma, {
    orgUnits: SYNTHETIC_ORG_UNITS,
    projects: generateSyntheticProjects({ count: projects - have, startIndex: have + 1, milestonesPerProject: 2, historyPerProject: 0 }),
  });
  console.log(`  in ${Math.round(performance.now() - t)} ms`);
}
{
  const t = performance.now();
  const { reports } = await seedSyntheticReports(prisma, { months, lastPeriod: period });
  if (reports) console.log(`▸ seeded ${reports} published reports in ${Math.round(performance.now() - t)} ms`);
}
const total = await prisma.statusReport.count();
console.log(`▸ ${await prisma.project.count()} projects, ${total} reports; period ${period}; ${database.target.kind}`);

{
  // An empty scope is fast and means nothing (with DATABASE_URL anonymous reading is off unless LODESTONE_PUBLIC_READ=true).
  const probe = await getReportPack({ viewer: null, periodId: period, unit: "SYN-A" });
  if (!probe.published) throw new Error(`the pack for SYN-A ${period} has no published report in the bench's scope: set LODESTONE_PUBLIC_READ=true`);
  console.log(`▸ one subsidiary's pack: ${probe.published} published reports, ${probe.notReported.length} not reported, ${probe.figures.length} figures`);
}
await time("pack: one period, one subsidiary (SYN-A)", () => getReportPack({ viewer: null, periodId: period, unit: "SYN-A" }));
await time("pack: one period, one business line", () => getReportPack({ viewer: null, periodId: period, businessLine: "BASE_METALS" }));
await time("compliance card (uncached)", () => getReportingCompliance({ viewer: null, periodId: period }));
{
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  // As the export route does: the pack without its reports, then the workbook streamed batch by batch.
  // The bytes are counted and dropped, as a socket would send them.
  const pack = await getReportPack({ viewer: null, periodId: period, withReports: false });
  let bytes = 0;
  const reader = packXlsxStream({ viewer: null, periodId: period, labels: packLabels("en"), pack }).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  clearInterval(timer);
  console.log(
    `${"pack XLSX: whole group (streamed)".padEnd(44)} ${formatMs(performance.now() - t)}  ${(bytes / 1e6).toFixed(1)} MB file, RSS growth ${((peak - before) / 2 ** 20).toFixed(0)} MB (${pack.published} reports)`,
  );
}
await closeDatabase();
