import { dec } from "../../capex/money";
import { meetsTarget } from "../../kpis/kpi-math";
import { periodBounds } from "../periods";
import type { ReportChange, SnapshotSection } from "./types";

export interface KpiSnapshot {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  /** the month's actual, exact decimal text */
  actual: string;
  target: string | null;
  targetSeries: string | null;
  /** null: no target for the month */
  met: boolean | null;
}

export interface KpisData {
  periodId: string;
  kpis: KpiSnapshot[];
}

const plain = (v: { toString(): string }) => dec(v).toString();

/**
 * The KPIs of the reported month: each stored actual (SUM, AVERAGE and LAST
 * KPIs; rates are computed, never stored, and have no monthly target) with the
 * month's target (the first series by name, as the KPI tiles choose it) and
 * whether it was met.
 */
export const kpisSection: SnapshotSection<KpisData> = {
  key: "kpis",
  async capture(tx, project) {
    const month = periodBounds(project.periodId).startsOn;
    const [actuals, targets] = await Promise.all([
      tx.kpiActual.findMany({
        where: { projectId: project.id, period: month, definition: { aggregation: { not: "RATIO" } } },
        select: { value: true, definition: { select: { id: true, key: true, nameEn: true, nameZh: true, unit: true, direction: true, sortOrder: true } } },
      }),
      tx.kpiTarget.findMany({
        where: { projectId: project.id, period: month },
        select: { definitionId: true, series: true, value: true },
        orderBy: [{ series: "asc" }],
      }),
    ]);
    const kpis = actuals
      .sort((a, b) => a.definition.sortOrder - b.definition.sortOrder || a.definition.key.localeCompare(b.definition.key))
      .map((a) => {
        const d = a.definition;
        const target = targets.find((t) => t.definitionId === d.id) ?? null;
        return {
          key: d.key,
          nameEn: d.nameEn,
          nameZh: d.nameZh,
          unit: d.unit,
          direction: d.direction,
          actual: plain(a.value),
          target: target ? plain(target.value) : null,
          targetSeries: target?.series ?? null,
          met: target ? meetsTarget(dec(a.value), dec(target.value), d.direction) : null,
        };
      });
    return { periodId: project.periodId, kpis };
  },
  figures(d) {
    const list = d.kpis ?? [];
    return [
      ...list.map((k) => ({ key: `kpi.${k.key}`, value: k.actual, currency: "" })),
      { key: "kpis.withTarget", value: String(list.filter((k) => k.met !== null).length), currency: "" },
      { key: "kpis.missed", value: String(list.filter((k) => k.met === false).length), currency: "" },
    ];
  },
  changes(_prev, cur) {
    // A miss is news of the month itself, so it is a headline in a project's first report too.
    return (cur.kpis ?? [])
      .filter((k) => k.met === false)
      .map((k): ReportChange => ({
        section: "kpis",
        kind: "kpiMissed",
        severity: "bad",
        params: { name: k.nameEn, nameZh: k.nameZh, actual: k.actual, target: k.target, unit: k.unit },
      }));
  },
};
