import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { projectReadScope } from "../projects/project-scope";
import { capexFigures, figuresToWire, type CostPoint } from "./capex-math";
import { dec, dateToPeriod } from "./money";
import type { ProjectCapexView } from "./types";

type Column = "amount" | "amountCny" | "amountUsd";
const COLUMNS: Record<"project" | "CNY" | "USD", Column> = { project: "amount", CNY: "amountCny", USD: "amountUsd" };

/**
 * A project's capex for its page, or null when the reader may not read the
 * project. Sums are done by the database per month and measure (exact numeric),
 * one currency column at a time.
 */
export async function getProjectCapex({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectCapexView | null> {
  const prisma = await db();
  const project = await prisma.project.findFirst({ where: { slug, ...projectReadScope(viewer) }, select: { id: true, currency: true } });
  if (!project) return null;
  return readProjectCapex(prisma, project);
}

export async function readProjectCapex(prisma: Prisma.TransactionClient, project: { id: string; currency: string }): Promise<ProjectCapexView> {
  const [versions, costs, rateSetIds] = await Promise.all([
    prisma.budgetVersion.findMany({ where: { projectId: project.id }, orderBy: [{ createdAt: "asc" }], include: { _count: { select: { lines: true } } } }),
    prisma.costLine.groupBy({ by: ["measure", "period"], where: { projectId: project.id }, _sum: { amount: true, amountCny: true, amountUsd: true } }),
    prisma.costLine.findMany({ where: { projectId: project.id }, distinct: ["rateSetId"], select: { rateSetId: true } }),
  ]);
  const current = versions.filter((v) => v.state === "APPROVED").sort((a, b) => b.approvedAt!.getTime() - a.approvedAt!.getTime())[0] ?? null;
  const totals = versions.length
    ? await prisma.budgetLine.groupBy({ by: ["budgetVersionId"], where: { budgetVersionId: { in: versions.map((v) => v.id) } }, _sum: { amount: true } })
    : [];
  const budget = current
    ? await prisma.budgetLine.groupBy({ by: ["period"], where: { budgetVersionId: current.id }, _sum: { amount: true, amountCny: true, amountUsd: true } })
    : null;
  const budgetSets = current
    ? await prisma.budgetLine.findMany({ where: { budgetVersionId: current.id }, distinct: ["rateSetId"], select: { rateSetId: true } })
    : [];
  const setIds = [...new Set([...rateSetIds, ...budgetSets].map((r) => r.rateSetId))];
  const sets = setIds.length ? await prisma.exchangeRateSet.findMany({ where: { id: { in: setIds } }, select: { name: true }, orderBy: { name: "asc" } }) : [];

  const figuresFor = (column: Column) => {
    const costPoints: CostPoint[] = costs.map((c) => ({ measure: c.measure, period: dateToPeriod(c.period), amount: dec(c._sum[column] ?? 0) }));
    const budgetPoints = budget ? budget.map((b) => ({ period: dateToPeriod(b.period), amount: dec(b._sum[column] ?? 0) })) : null;
    return figuresToWire(capexFigures({ budget: budgetPoints, costs: costPoints }));
  };
  return {
    currency: project.currency,
    figures: { project: figuresFor(COLUMNS.project), CNY: figuresFor(COLUMNS.CNY), USD: figuresFor(COLUMNS.USD) },
    rateSets: sets.map((s) => s.name),
    hasData: versions.length > 0 || costs.length > 0,
    versions: versions
      .map((v) => ({
        id: v.id,
        kind: v.kind,
        label: v.label,
        state: v.state,
        currency: v.currency,
        total: dec(totals.find((t) => t.budgetVersionId === v.id)?._sum.amount ?? 0).toFixed(2),
        lines: v._count.lines,
        createdByName: v.createdByName,
        approvedByName: v.approvedByName,
        approvedAt: v.approvedAt?.toISOString() ?? null,
        current: v.id === current?.id,
        version: v.version,
      }))
      .reverse(),
  };
}
