/**
 * Times each dashboard card's data function in-process against the database
 * the environment selects (LODESTONE_DATA_DIR or DATABASE_URL), uncached: what
 * the first load after a change pays (later loads reuse the results until the
 * next history entry, lib/dashboard/data-version.ts).
 * Started by `npm run bench -- dashboard` before the server (an embedded
 * database has one owner at a time); runnable alone:
 *
 *   LODESTONE_DATA_DIR=.data/bench-20000 node --conditions=react-server --import tsx scripts/bench-dashboard-cards.ts [--calls 50] [--json out.json]
 *
 * `--conditions=react-server` because the data layer imports "server-only".
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { listRecentUpdates, summarizeChangesSince } from "../lib/dashboard/activity";
import { getDataVersion } from "../lib/dashboard/data-version";
import { countPortfolio } from "../lib/dashboard/figures";
import { NO_FILTERS, type DashboardFilters } from "../lib/dashboard/filters";
import { listLargestSlips, listOverdueMilestones, listUpcomingMilestones } from "../lib/dashboard/milestones";
import { listPortfolioSites } from "../lib/dashboard/sites";
import { getHealthTrend, getHealthTrendSplit, type MonthCounts } from "../lib/dashboard/trend";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { SYNTHETIC_AS_OF } from "./bench/synthetic";
import { formatMs, markdownTable, summarize, type Summary } from "./bench/stats";

const { values } = parseArgs({ options: { calls: { type: "string", default: "50" }, warmup: { type: "string", default: "10" }, json: { type: "string" } } });
const calls = Number(values.calls);
const warmup = Number(values.warmup);

// The synthetic portfolio's "today", so overdue and upcoming have something to find.
const today = SYNTHETIC_AS_OF;
const all: DashboardFilters = { ...NO_FILTERS };
const africaBase: DashboardFilters = { ...NO_FILTERS, region: ["AFRICA"], line: ["BASE_METALS"] };
const since = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000);

// The trend's closed months as the dashboard keeps them across status updates (lib/dashboard/data-version.ts):
// captured once, so the case below times what the first load after a status update recounts.
let closedMonths: MonthCounts | undefined;
const carriedClosed = async (compute: () => Promise<MonthCounts>) => (closedMonths ??= await compute());

const cases: { name: string; run: () => Promise<unknown> }[] = [
  { name: "data version (every page load)", run: () => getDataVersion() },
  { name: "figures (health, stage, line, region)", run: () => countPortfolio({ filters: all }) },
  { name: "map sites", run: () => listPortfolioSites({ filters: all }) },
  { name: "overdue milestones", run: () => listOverdueMilestones({ filters: all, today }) },
  { name: "upcoming milestones (90 days)", run: () => listUpcomingMilestones({ filters: all, today }) },
  { name: "largest slips", run: () => listLargestSlips({ filters: all }) },
  { name: "recent updates", run: () => listRecentUpdates({ filters: all }) },
  // The synthetic history was all recorded when it was seeded: "a month ago" makes every entry new (the worst case),
  // "now" none (the usual case: a few entries since the last visit).
  { name: "changes since, all 150,000 entries new", run: () => summarizeChangesSince({ filters: all, since }) },
  { name: "changes since, nothing new", run: () => summarizeChangesSince({ filters: all, since: new Date() }) },
  { name: "health trend (24 months, uncached)", run: () => getHealthTrend({ filters: all, today }) },
  { name: "health trend after a status update (closed months carried)", run: () => getHealthTrendSplit({ filters: all, today, closed: carriedClosed }) },
  { name: "figures, Africa + base metals", run: () => countPortfolio({ filters: africaBase }) },
  { name: "health trend, Africa + base metals", run: () => getHealthTrend({ filters: africaBase, today }) },
];

export interface CardResult extends Summary {
  name: string;
}

const database = await getDatabase();
console.log(`Timing dashboard data functions on ${database.target.kind} (${calls} calls each after ${warmup} warm-up rounds; today = ${today}) …`);
// PGlite compiles its WebAssembly lazily: the first rounds of any query are several times slower.
for (let i = 0; i < warmup; i++) for (const c of cases) await c.run();
const results: CardResult[] = [];
for (const c of cases) {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await c.run();
    samples.push(performance.now() - started);
  }
  results.push({ name: c.name, ...summarize(samples) });
}
await closeDatabase();

console.log(
  markdownTable(
    ["data function", "n", "median ms", "p95 ms", "max ms"],
    results.map((r) => [r.name, r.n, formatMs(r.median), formatMs(r.p95), formatMs(r.max)]),
    ["left", "right", "right", "right", "right"],
  ),
);
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ database: database.target.kind, today, results }, null, 2)}\n`);
