import "server-only";
import type { Viewer } from "../auth/session";
import { dec, dateToPeriod, monthRange, type Dec } from "../capex/money";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { projectReadScope } from "../projects/project-scope";
import { percentOfDesign, ratioValue } from "./kpi-math";
import type { KpiTileView, ProjectKpisView, RampUpView } from "./types";

const s = (d: Dec | null) => (d === null ? null : d.toDecimalPlaces(2).toString());

function previousPeriod(period: string, months: number): string {
  const [y, m] = period.split("-").map(Number);
  const t = y * 12 + (m - 1) - months;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

/** A project's KPI tiles and ramp-up chart, or null when the reader may not read the project. */
export async function getProjectKpis({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectKpisView | null> {
  const prisma = await db();
  const project = await prisma.project.findFirst({ where: { slug, ...projectReadScope(viewer) }, select: { id: true } });
  if (!project) return null;
  return readProjectKpis(prisma, project.id);
}

export async function readProjectKpis(prisma: Prisma.TransactionClient, projectId: string): Promise<ProjectKpisView> {
  const [definitions, actuals, targets, capacities] = await Promise.all([
    prisma.kpiDefinition.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.kpiActual.findMany({ where: { projectId }, select: { definitionId: true, period: true, value: true }, orderBy: { period: "asc" } }),
    prisma.kpiTarget.findMany({
      where: { projectId },
      select: { definitionId: true, series: true, period: true, value: true },
      orderBy: [{ series: "asc" }, { period: "asc" }],
    }),
    prisma.kpiDesignCapacity.findMany({ where: { projectId } }),
  ]);
  if (!actuals.length && !targets.length && !capacities.length) return { tiles: [], rampUp: null };
  const keyOf = new Map(definitions.map((d) => [d.id, d.key]));
  // key → period → value
  const values = new Map<string, Map<string, Dec>>();
  for (const a of actuals) {
    const k = keyOf.get(a.definitionId)!;
    if (!values.has(k)) values.set(k, new Map());
    values.get(k)!.set(dateToPeriod(a.period), dec(a.value));
  }
  const latestPeriod = actuals.reduce((max, a) => (dateToPeriod(a.period) > max ? dateToPeriod(a.period) : max), "0000-00");
  const trendMonths = latestPeriod === "0000-00" ? [] : monthRange(previousPeriod(latestPeriod, 11), latestPeriod);

  const tiles: KpiTileView[] = [];
  for (const d of definitions) {
    const base = { key: d.key, nameEn: d.nameEn, nameZh: d.nameZh, unit: d.unit, category: d.category, direction: d.direction, latestPeriod };
    if (d.aggregation === "RATIO") {
      const def = {
        key: d.key,
        aggregation: d.aggregation,
        numeratorKeys: d.numeratorKeys,
        denominatorKeys: d.denominatorKeys,
        scale: d.scale ? dec(d.scale) : null,
      };
      // the rate over the 12 months to each month, from the summed counts
      const rateTo = (end: string) => {
        const window = monthRange(previousPeriod(end, 11), end);
        const byKey = new Map(
          [...def.numeratorKeys, ...def.denominatorKeys].map((k) => [k, window.map((p) => values.get(k)?.get(p)).filter((v): v is Dec => !!v)]),
        );
        return ratioValue(def, byKey);
      };
      if (!def.denominatorKeys.some((k) => values.has(k))) continue;
      const trend = trendMonths.map((p) => ({ period: p, value: s(rateTo(p)) }));
      tiles.push({
        ...base,
        rolling12: true,
        latest: s(rateTo(latestPeriod)),
        previous: s(rateTo(previousPeriod(latestPeriod, 1))),
        trend,
        target: null,
        targetSeries: null,
        percentOfDesign: null,
      });
      continue;
    }
    const own = values.get(d.key);
    if (!own) continue;
    const latest = own.get(latestPeriod) ?? null;
    const target = targets.find((t) => t.definitionId === d.id && dateToPeriod(t.period) === latestPeriod) ?? null;
    const capacity = capacities.find((c) => c.definitionId === d.id);
    tiles.push({
      ...base,
      rolling12: false,
      latest: s(latest),
      previous: s(own.get(previousPeriod(latestPeriod, 1)) ?? null),
      trend: trendMonths.map((p) => ({ period: p, value: s(own.get(p) ?? null) })),
      target: target ? s(dec(target.value)) : null,
      targetSeries: target?.series ?? null,
      percentOfDesign: s(percentOfDesign(latest, capacity ? dec(capacity.monthlyValue) : null)),
    });
  }

  // The ramp-up chart: the first production KPI with a design capacity, else with targets, else with actuals.
  const production = definitions.filter((d) => d.category === "PRODUCTION" && d.aggregation !== "RATIO");
  const chosen =
    production.find((d) => capacities.some((c) => c.definitionId === d.id)) ??
    production.find((d) => targets.some((t) => t.definitionId === d.id)) ??
    production.find((d) => values.has(d.key));
  let rampUp: RampUpView | null = null;
  if (chosen) {
    const own = targets.filter((t) => t.definitionId === chosen.id);
    const series = [...new Set(own.map((t) => t.series))];
    const periods = [...(values.get(chosen.key)?.keys() ?? []), ...own.map((t) => dateToPeriod(t.period))].sort();
    const capacity = capacities.find((c) => c.definitionId === chosen.id);
    const targetAt = new Map(own.map((t) => [`${t.series}|${dateToPeriod(t.period)}`, dec(t.value)]));
    rampUp = {
      key: chosen.key,
      nameEn: chosen.nameEn,
      nameZh: chosen.nameZh,
      unit: chosen.unit,
      designCapacity: capacity ? s(dec(capacity.monthlyValue)) : null,
      series,
      months: periods.length
        ? monthRange(periods[0], periods[periods.length - 1]).map((p) => ({
            period: p,
            actual: s(values.get(chosen.key)?.get(p) ?? null),
            targets: Object.fromEntries(series.map((se) => [se, s(targetAt.get(`${se}|${p}`) ?? null)])),
          }))
        : [],
    };
  }
  return { tiles, rampUp };
}
