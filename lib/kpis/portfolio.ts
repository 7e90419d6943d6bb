import "server-only";
import type { Viewer } from "../auth/session";
import { dec, dateToPeriod, monthRange, periodToDate } from "../capex/money";
import { projectFilterWhere } from "../capex/portfolio";
import type { DashboardFilters } from "../dashboard/filters";
import { db } from "../db/client";
import { projectReadScope } from "../projects/project-scope";
import { meetsTarget, ratioValue } from "./kpi-math";

export interface PortfolioKpis {
  /** safety rates over the 12 months to `safetyThrough`, from summed counts and hours of every project in scope */
  safetyThrough: string | null;
  rates: { key: string; nameEn: string; nameZh: string; unit: string; value: string | null }[];
  /** production KPIs in the latest month with targets: projects below target */
  attainmentPeriod: string | null;
  attainment: { withTarget: number; below: { slug: string; nameEn: string; nameZh: string | null; kpi: string; actual: string; target: string }[] };
}

function monthsBack(period: string, n: number): string {
  const [y, m] = period.split("-").map(Number);
  const t = y * 12 + (m - 1) - n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

export async function getPortfolioKpis({ viewer, filters }: { viewer: Viewer | null; filters: DashboardFilters }): Promise<PortfolioKpis> {
  const prisma = await db();
  const project = { ...projectReadScope(viewer), ...(await projectFilterWhere(filters)) };
  const definitions = await prisma.kpiDefinition.findMany({ orderBy: { sortOrder: "asc" } });
  const ratios = definitions.filter((d) => d.aggregation === "RATIO");
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const countIds = [...new Set(ratios.flatMap((r) => [...r.numeratorKeys, ...r.denominatorKeys]))].flatMap((k) => (byKey.get(k) ? [byKey.get(k)!.id] : []));

  const latestSafety = countIds.length
    ? await prisma.kpiActual.aggregate({ where: { project, definitionId: { in: countIds } }, _max: { period: true } })
    : null;
  const safetyThrough = latestSafety?._max.period ? dateToPeriod(latestSafety._max.period) : null;
  let rates: PortfolioKpis["rates"] = [];
  if (safetyThrough) {
    const window = monthRange(monthsBack(safetyThrough, 11), safetyThrough).map(periodToDate);
    const sums = await prisma.kpiActual.groupBy({
      by: ["definitionId"],
      where: { project, definitionId: { in: countIds }, period: { in: window } },
      _sum: { value: true },
    });
    const values = new Map(sums.map((s) => [definitions.find((d) => d.id === s.definitionId)!.key, [dec(s._sum.value ?? 0)]]));
    rates = ratios.map((r) => ({
      key: r.key,
      nameEn: r.nameEn,
      nameZh: r.nameZh,
      unit: r.unit,
      value:
        ratioValue(
          { key: r.key, aggregation: "RATIO", numeratorKeys: r.numeratorKeys, denominatorKeys: r.denominatorKeys, scale: r.scale ? dec(r.scale) : null },
          values,
        )
          ?.toDecimalPlaces(2)
          .toString() ?? null,
    }));
  }

  const production = definitions.filter((d) => d.category === "PRODUCTION" && d.aggregation !== "RATIO");
  const latestTarget = production.length
    ? await prisma.kpiActual.aggregate({ where: { project, definitionId: { in: production.map((d) => d.id) } }, _max: { period: true } })
    : null;
  const attainmentPeriod = latestTarget?._max.period ? dateToPeriod(latestTarget._max.period) : null;
  const below: PortfolioKpis["attainment"]["below"] = [];
  let withTarget = 0;
  if (attainmentPeriod) {
    const period = periodToDate(attainmentPeriod);
    const [actuals, targets] = await Promise.all([
      prisma.kpiActual.findMany({
        where: { project, period, definitionId: { in: production.map((d) => d.id) } },
        select: { projectId: true, definitionId: true, value: true, project: { select: { slug: true, nameEn: true, nameZh: true } } },
      }),
      prisma.kpiTarget.findMany({
        where: { project, period, definitionId: { in: production.map((d) => d.id) } },
        orderBy: { series: "asc" },
        select: { projectId: true, definitionId: true, value: true },
      }),
    ]);
    const targetOf = new Map<string, (typeof targets)[number]>();
    for (const t of targets) if (!targetOf.has(`${t.projectId}|${t.definitionId}`)) targetOf.set(`${t.projectId}|${t.definitionId}`, t);
    const counted = new Set<string>();
    for (const a of actuals) {
      const t = targetOf.get(`${a.projectId}|${a.definitionId}`);
      if (!t) continue;
      counted.add(a.projectId);
      const d = definitions.find((x) => x.id === a.definitionId)!;
      if (!meetsTarget(dec(a.value), dec(t.value), d.direction))
        below.push({ ...a.project, kpi: d.key, actual: dec(a.value).toString(), target: dec(t.value).toString() });
    }
    withTarget = counted.size;
  }
  return { safetyThrough, rates, attainmentPeriod, attainment: { withTarget, below: below.slice(0, 10) } };
}
