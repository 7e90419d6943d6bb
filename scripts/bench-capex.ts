/**
 * npm run bench:capex [-- --projects 200 --months 24 --upload 10000]   (node --conditions=react-server: the data layer imports "server-only")
 * Seeds an in-memory PGlite with the synthetic portfolio and its capex and KPIs
 * (scripts/bench/synthetic-capex.ts; the database fills the summaries the
 * readers use as the lines go in: docs/decisions/0070), then times, uncached: the dashboard's capex
 * and KPI cards' data, a project's capex and KPIs (the project page's curves),
 * and applying a cost upload of N rows. Medians of several runs, in ms.
 */
import { parseArgs } from "node:util";
import { installDatabase, openDatabase } from "../lib/db/client";
import { applyPendingMigrations } from "../lib/db/migrate";
import { loadPortfolio } from "../lib/db/seed";
import { generateSyntheticProjects, SYNTHETIC_ORG_UNITS } from "./bench/synthetic";
import { createViewer } from "../lib/test/viewers";
import { generateSyntheticCapex } from "./bench/synthetic-capex";
import { getPortfolioCapex } from "../lib/capex/portfolio";
import { readProjectCapex } from "../lib/capex/get-project-capex";
import { readProjectKpis } from "../lib/kpis/get-project-kpis";
import { getPortfolioKpis } from "../lib/kpis/portfolio";
import { applyCostUpload } from "../lib/capex/cost-upload";
import { NO_FILTERS } from "../lib/dashboard/filters";

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "200" },
    months: { type: "string", default: "24" },
    upload: { type: "string", default: "10000" },
    runs: { type: "string", default: "7" },
  },
});
const n = Number(values.projects);
const runs = Number(values.runs);

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
installDatabase(database);
const prisma = database.prisma;
await applyPendingMigrations(database);
let t = performance.now();
await loadPortfolio(prisma, {
  orgUnits: SYNTHETIC_ORG_UNITS,
  projects: generateSyntheticProjects({ count: n, milestonesPerProject: 2, historyPerProject: 1 }),
});
const seeded = await generateSyntheticCapex(prisma, { months: Number(values.months) });
console.log(
  `seeded ${n} projects with ${seeded.budgetLines} budget lines, ${seeded.costLines} cost lines, ${seeded.kpiActuals} KPI actuals in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
await prisma.$executeRawUnsafe("ANALYZE");

const viewer = await createViewer(prisma, "admin", "Bench Admin");
const sample = await prisma.project.findFirstOrThrow({ where: { slug: { startsWith: "syn-" } }, select: { id: true, slug: true, currency: true } });

console.log(`dashboard capex card data: ${(await median(() => getPortfolioCapex({ viewer, filters: NO_FILTERS, currency: "USD" }))).toFixed(1)} ms median`);
console.log(`dashboard KPI card data:   ${(await median(() => getPortfolioKpis({ viewer, filters: NO_FILTERS }))).toFixed(1)} ms median`);
console.log(
  `project capex + KPIs:      ${(await median(() => Promise.all([readProjectCapex(prisma, sample), readProjectKpis(prisma, sample.id)]))).toFixed(1)} ms median`,
);

const rows = Array.from({ length: Number(values.upload) }, (_, i) => ({
  row: i + 2,
  project: sample.slug,
  externalRef: `BENCH-${i}`,
  category: ["mining", "processing-plant", "infrastructure", "owners-costs", "contingency"][i % 5],
  measure: "ACTUAL",
  period: `2024-${String((i % 12) + 1).padStart(2, "0")}`,
  amount: `${1000 + (i % 997)}.${String(i % 100).padStart(2, "0")}`,
  currency: sample.currency,
}));
t = performance.now();
const first = await applyCostUpload({ viewer, input: { rows } });
const applyMs = performance.now() - t;
t = performance.now();
const again = await applyCostUpload({ viewer, input: { rows } });
const againMs = performance.now() - t;
if (!first.ok || !again.ok) throw new Error(JSON.stringify(first.ok ? again : first));
console.log(
  `cost upload of ${rows.length} rows: applied in ${(applyMs / 1000).toFixed(2)} s (${first.data.counts.create} new); same sheet again ${(againMs / 1000).toFixed(2)} s (${again.data.counts.unchanged} unchanged)`,
);
await database.close();
