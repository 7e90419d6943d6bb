import { parseArgs } from "node:util";
import { getDatabase } from "../lib/db/client";
import { clearPortfolio, loadPortfolio } from "../lib/db/seed";
import { generateSyntheticProjects, SYNTHETIC_ORG_UNITS } from "./bench/synthetic";
import { generateSyntheticCapex } from "./bench/synthetic-capex";
import { ensureRiskAndGateReferenceData } from "../lib/risks/ensure-reference-data";
import { seedSyntheticRisks } from "./bench/synthetic-risks";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { ORG_UNITS, PROJECT_OWNER_CODES } from "../prisma/seed/org-units";

/**
 * npm run db:seed                           the Minmetals portfolio (into an empty database)
 * npm run db:seed -- --synthetic 20000      a synthetic portfolio (benchmarks, scale tests)
 * --capex-months N                          synthetic capex and KPIs per project (default 24; 0: none)
 * --reset                                   empty the portfolio tables first
 * Synthetic and real data never share a database: each refuses a non-empty one without --reset.
 */
export async function seedCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      synthetic: { type: "string" },
      reset: { type: "boolean", default: false },
      milestones: { type: "string", default: "10" },
      history: { type: "string", default: "3" },
      "capex-months": { type: "string", default: "24" },
      risks: { type: "string", default: "10" },
      assessments: { type: "string", default: "5" },
    },
  });
  const count = values.synthetic === undefined ? undefined : Number(values.synthetic);
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 1_000_000)) {
    console.error("error: --synthetic takes a whole number of projects from 1 to 1,000,000");
    return 2;
  }
  const { prisma } = await getDatabase();
  if (values.reset) await clearPortfolio(prisma);
  else if ((await prisma.project.count()) > 0) {
    console.error("error: the database already holds projects; add --reset to replace them");
    return 1;
  }
  const started = performance.now();
  const result =
    count === undefined
      ? await loadPortfolio(prisma, { ...minmetalsPortfolio, orgUnits: ORG_UNITS }, { owners: PROJECT_OWNER_CODES })
      : await loadPortfolio(prisma, {
          orgUnits: SYNTHETIC_ORG_UNITS,
          projects: generateSyntheticProjects({
            count,
            milestonesPerProject: Number(values.milestones),
            historyPerProject: Number(values.history),
          }),
        });
  if (count !== undefined && Number(values["capex-months"]) > 0) {
    const capex = await generateSyntheticCapex(prisma, { months: Number(values["capex-months"]) });
    console.log(`Synthetic capex and KPIs: ${capex.budgetLines} budget lines, ${capex.costLines} cost lines, ${capex.kpiActuals} KPI actuals.`);
  }
  if (count !== undefined && Number(values.risks) > 0) {
    await ensureRiskAndGateReferenceData(prisma);
    const r = await seedSyntheticRisks(prisma, { risksPerProject: Number(values.risks), assessmentsPerRisk: Number(values.assessments) });
    console.log(`Seeded ${r.risks} synthetic risks with ${r.assessments} assessments.`);
  }
  console.log(
    `Seeded ${result.projects} projects, ${result.milestones} milestones, ${result.updates} history entries ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  return 0;
}
