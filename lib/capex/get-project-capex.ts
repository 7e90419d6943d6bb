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

/**
 * Reads the month sums the database keeps beside the lines (CostMonth,
 * BudgetMonth: docs/decisions/0070), a few hundred rows however many lines
 * there are. The project column sums only amounts in the project's currency;
 * the CNY and USD columns are the stored converted amounts.
 */
export async function readProjectCapex(prisma: Prisma.TransactionClient, project: { id: string; currency: string }): Promise<ProjectCapexView> {
  const [versions, costMonths] = await Promise.all([
    prisma.budgetVersion.findMany({ where: { projectId: project.id }, orderBy: [{ createdAt: "asc" }] }),
    prisma.costMonth.findMany({
      where: { projectId: project.id },
      select: { measure: true, period: true, currency: true, rateSetId: true, amount: true, amountCny: true, amountUsd: true },
    }),
  ]);
  const current = versions.filter((v) => v.state === "APPROVED").sort((a, b) => b.approvedAt!.getTime() - a.approvedAt!.getTime())[0] ?? null;
  const budgetMonths = versions.length
    ? await prisma.budgetMonth.findMany({
        where: { budgetVersionId: { in: versions.map((v) => v.id) } },
        select: { budgetVersionId: true, period: true, currency: true, rateSetId: true, amount: true, amountCny: true, amountUsd: true, lines: true },
      })
    : [];
  const budget = current ? budgetMonths.filter((m) => m.budgetVersionId === current.id) : null;
  const setIds = [...new Set([...costMonths, ...(budget ?? [])].map((r) => r.rateSetId))];
  const sets = setIds.length ? await prisma.exchangeRateSet.findMany({ where: { id: { in: setIds } }, select: { name: true }, orderBy: { name: "asc" } }) : [];
  const amountOf = (m: { currency: string; amount: Prisma.Decimal; amountCny: Prisma.Decimal; amountUsd: Prisma.Decimal }, column: Column) =>
    column === "amount" ? (m.currency === project.currency ? dec(m.amount) : null) : dec(m[column]);
  const versionTotal = (id: string) => {
    const months = budgetMonths.filter((m) => m.budgetVersionId === id && m.currency === project.currency);
    return { total: months.reduce((t, m) => t.plus(m.amount), dec(0)), lines: months.reduce((n, m) => n + m.lines, 0) };
  };

  const figuresFor = (column: Column) => {
    const costPoints: CostPoint[] = costMonths.flatMap((c) => {
      const amount = amountOf(c, column);
      return amount === null ? [] : [{ measure: c.measure, period: dateToPeriod(c.period), amount }];
    });
    const budgetPoints = budget
      ? budget.flatMap((b) => {
          const amount = amountOf(b, column);
          return amount === null ? [] : [{ period: dateToPeriod(b.period), amount }];
        })
      : null;
    return figuresToWire(capexFigures({ budget: budgetPoints, costs: costPoints }));
  };
  return {
    currency: project.currency,
    figures: { project: figuresFor(COLUMNS.project), CNY: figuresFor(COLUMNS.CNY), USD: figuresFor(COLUMNS.USD) },
    rateSets: sets.map((s) => s.name),
    hasData: versions.length > 0 || costMonths.length > 0,
    versions: versions
      .map((v) => ({
        id: v.id,
        kind: v.kind,
        label: v.label,
        state: v.state,
        currency: v.currency,
        total: versionTotal(v.id).total.toFixed(2),
        lines: versionTotal(v.id).lines,
        createdByName: v.createdByName,
        approvedByName: v.approvedByName,
        approvedAt: v.approvedAt?.toISOString() ?? null,
        current: v.id === current?.id,
        version: v.version,
      }))
      .reverse(),
  };
}
