/**
 * Times the risk and gate dashboard cards' data functions in-process, uncached,
 * against the database the environment selects (LODESTONE_DATA_DIR or
 * DATABASE_URL). An empty database is first seeded with --projects synthetic
 * projects, ~10 risks each, 5 assessments per risk (scripts/bench/synthetic-risks.ts).
 *
 *   LODESTONE_DATA_DIR=.data/bench-risks-1000 npm run bench:risks -- --projects 1000 [--calls 30]
 *
 * (the npm script runs node with --conditions=react-server: the data layer imports "server-only").
 */
import { parseArgs } from "node:util";
import { closeDatabase, getDatabase } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrate";
import { refreshStatisticsIfEmbedded } from "../lib/db/planner-statistics";
import { loadPortfolio } from "../lib/db/seed";
import { generateSyntheticProjects, SYNTHETIC_AS_OF, SYNTHETIC_ORG_UNITS } from "./bench/synthetic";
import { overdueGateConditions } from "../lib/gates/gate-queries";
import { ensureRiskAndGateReferenceData } from "../lib/risks/ensure-reference-data";
import { getHeatMap, risksPastReview, topRisks } from "../lib/risks/risk-queries";
import { seedSyntheticRisks } from "./bench/synthetic-risks";
import { formatMs, markdownTable, summarize } from "./bench/stats";

const { values } = parseArgs({
  options: { projects: { type: "string", default: "1000" }, calls: { type: "string", default: "30" }, warmup: { type: "string", default: "5" } },
});
const calls = Number(values.calls);
const warmup = Number(values.warmup);

const database = await getDatabase();
await applyPendingMigrations(database);
const { prisma } = database;
await ensureRiskAndGateReferenceData(prisma);
if ((await prisma.risk.count()) === 0) {
  const started = performance.now();
  if ((await prisma.project.count()) === 0)
    await loadPortfolio(prisma, {
      orgUnits: SYNTHETIC_ORG_UNITS,
      projects: generateSyntheticProjects({ count: Number(values.projects), milestonesPerProject: 2, historyPerProject: 1 }),
    });
  const r = await seedSyntheticRisks(prisma);
  await refreshStatisticsIfEmbedded(database);
  console.log(
    `Seeded ${await prisma.project.count()} projects, ${r.risks} risks, ${r.assessments} assessments in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
const [projects, risks, assessments] = await Promise.all([prisma.project.count(), prisma.risk.count(), prisma.riskAssessment.count()]);
const pastDate = new Date(Date.parse(`${SYNTHETIC_AS_OF}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
const cases: { name: string; run: () => Promise<unknown> }[] = [
  { name: "heat map (current)", run: () => getHeatMap({ viewer: null }) },
  { name: "top risks (10 by residual score)", run: () => topRisks({ viewer: null }) },
  { name: "risks past review (10 + count)", run: () => risksPastReview({ viewer: null, now: new Date(`${SYNTHETIC_AS_OF}T00:00:00Z`) }) },
  { name: "overdue gate conditions", run: () => overdueGateConditions({ viewer: null }) },
  { name: `heat map as of ${pastDate}`, run: () => getHeatMap({ viewer: null, asOf: pastDate }) },
];

// The cards read as an anonymous reader: that is the whole portfolio only when public reading is on (the embedded
// default; LODESTONE_PUBLIC_READ=true with DATABASE_URL). Otherwise they would time an empty scope.
if ((await getHeatMap({ viewer: null })).total === 0) throw new Error("the bench reads no risk: with DATABASE_URL, set LODESTONE_PUBLIC_READ=true");
console.log(
  `Timing risk cards on ${database.target.kind}: ${projects} projects, ${risks} risks, ${assessments} assessments (${calls} calls each after ${warmup} warm-up rounds) …`,
);
for (let i = 0; i < warmup; i++) for (const c of cases) await c.run();
const rows: (string | number)[][] = [];
for (const c of cases) {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await c.run();
    samples.push(performance.now() - started);
  }
  const s = summarize(samples);
  rows.push([c.name, s.n, formatMs(s.median), formatMs(s.p95), formatMs(s.max)]);
}
await closeDatabase();
console.log(markdownTable(["data function", "n", "median ms", "p95 ms", "max ms"], rows, ["left", "right", "right", "right", "right"]));
