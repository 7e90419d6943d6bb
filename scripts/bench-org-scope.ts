/**
 * The scoped list API and dashboard for a subsidiary executive against the
 * same calls group-wide (issue 11: the scoped ones should stay within 10% of
 * the group-wide figures). In-process, uncached, on the database the
 * environment selects; seed it with the synthetic portfolio first (its ~40
 * units: lib/db/synthetic.ts SYNTHETIC_ORG_UNITS):
 *
 *   LODESTONE_DATA_DIR=.data/bench-org npx tsx scripts/db.ts seed --synthetic 20000 --reset
 *   LODESTONE_DATA_DIR=.data/bench-org npm run bench:org -- [--calls 30] [--unit SYN-A]
 *
 * `--conditions=react-server` because the data layer imports "server-only".
 */
import { parseArgs } from "node:util";
import { countBySubsidiary } from "../lib/dashboard/by-unit";
import { countPortfolio } from "../lib/dashboard/figures";
import { NO_FILTERS, type DashboardFilters } from "../lib/dashboard/filters";
import { listOverdueMilestones } from "../lib/dashboard/milestones";
import { listPortfolioSites } from "../lib/dashboard/sites";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { SYNTHETIC_AS_OF } from "./bench/synthetic";
import { parseListParamsLenient } from "../lib/projects/list-params";
import { listProjects } from "../lib/projects/list-projects";
import { WHOLE_PORTFOLIO, type ReadScope } from "../lib/projects/project-scope";
import { formatMs, markdownTable, summarize } from "./bench/stats";

const { values } = parseArgs({
  options: { calls: { type: "string", default: "30" }, warmup: { type: "string", default: "5" }, unit: { type: "string", default: "SYN-A" } },
});
const calls = Number(values.calls);
const warmup = Number(values.warmup);

const database = await getDatabase();
const unit = await database.prisma.orgUnit.findUnique({ where: { code: values.unit }, select: { path: true } });
if (!unit) throw new Error(`no unit ${values.unit}: seed the synthetic portfolio first`);
const scopes: [string, ReadScope][] = [
  ["group-wide", WHOLE_PORTFOLIO],
  [`${values.unit} subtree`, { all: false, paths: [unit.path] }],
];
const params = parseListParamsLenient(new URLSearchParams("")).params;
const filtered = parseListParamsLenient(new URLSearchParams("region=AFRICA&stage=CONSTRUCTION")).params;
const dash = (scope: ReadScope): DashboardFilters => ({ ...NO_FILTERS, scope });

const calls_: { name: string; run: (scope: ReadScope) => Promise<unknown> }[] = [
  { name: "list API page 1 (rows + total)", run: (scope) => listProjects(params, { scope }) },
  { name: "list API, Africa + construction", run: (scope) => listProjects(filtered, { scope }) },
  { name: "list API, search 'copper'", run: (scope) => listProjects(parseListParamsLenient(new URLSearchParams("q=copper")).params, { scope }) },
  { name: "dashboard figures", run: (scope) => countPortfolio({ filters: dash(scope) }) },
  { name: "dashboard by subsidiary", run: (scope) => countBySubsidiary({ filters: dash(scope) }) },
  { name: "dashboard map sites", run: (scope) => listPortfolioSites({ filters: dash(scope) }) },
  { name: "dashboard overdue milestones", run: (scope) => listOverdueMilestones({ filters: dash(scope), today: SYNTHETIC_AS_OF }) },
];

const total = await database.prisma.project.count();
console.log(`Scoped vs group-wide on ${database.target.kind}, ${total} projects, ${calls} calls each after ${warmup} warm-up rounds …`);
for (let i = 0; i < warmup; i++) for (const c of calls_) for (const [, s] of scopes) await c.run(s);
const rows: (string | number)[][] = [];
for (const c of calls_) {
  const medians: number[] = [];
  for (const [label, scope] of scopes) {
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await c.run(scope);
      samples.push(performance.now() - started);
    }
    const s = summarize(samples);
    medians.push(s.median);
    rows.push([c.name, label, s.n, formatMs(s.median), formatMs(s.p95)]);
  }
  rows.push([c.name, "scoped / group-wide", "", `${((medians[1] / medians[0]) * 100).toFixed(0)}%`, ""]);
}
await closeDatabase();
console.log(markdownTable(["call", "scope", "n", "median ms", "p95 ms"], rows, ["left", "left", "right", "right", "right"]));
