import { readProjectCapex } from "../../capex/get-project-capex";
import { dec } from "../../capex/money";
import type { ReportChange, SnapshotFigure, SnapshotSection } from "./types";

/** The capex position in the project's currency (amounts as exact decimal strings). */
export interface CapexData {
  hasData: boolean;
  currency: string;
  approved: string | null;
  committed: string;
  actual: string;
  actualThrough: string | null;
  eac: string | null;
  variance: string | null;
  variancePercent: string | null;
}

/**
 * Budget, actual, EAC and variance as the capex module computes them
 * (lib/capex/capex-math.ts), without the monthly curve: the report keeps the
 * position, the project page keeps the history.
 */
export const capexSection: SnapshotSection<CapexData> = {
  key: "capex",
  async capture(tx, project) {
    const { currency } = await tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { currency: true } });
    const view = await readProjectCapex(tx, { id: project.id, currency });
    const f = view.figures.project;
    return {
      hasData: view.hasData,
      currency,
      approved: f.approved,
      committed: f.committed,
      actual: f.actual,
      actualThrough: f.actualThrough,
      eac: f.eac,
      variance: f.variance,
      variancePercent: f.variancePercent,
    };
  },
  figures(d) {
    if (!d.hasData) return [];
    const money = (key: string, v: string | null): SnapshotFigure[] => (v === null ? [] : [{ key: `capex.${key}`, value: v, currency: d.currency }]);
    return [
      ...money("approved", d.approved),
      ...money("committed", d.committed),
      ...money("actual", d.actual),
      ...money("eac", d.eac),
      ...money("variance", d.variance),
    ];
  },
  changes(prev, cur) {
    // EAC moved: compared only within one currency (a project's currency is fixed once it has capex).
    if (!prev || !prev.hasData || !cur.hasData || prev.currency !== cur.currency || prev.eac === null || cur.eac === null) return [];
    const delta = dec(cur.eac).minus(dec(prev.eac));
    if (delta.isZero()) return [];
    const percent = dec(prev.eac).isZero() ? null : delta.div(dec(prev.eac)).times(100).toDecimalPlaces(1).toString();
    const out: ReportChange = {
      section: "capex",
      kind: delta.isPositive() ? "eacIncreased" : "eacDecreased",
      severity: delta.isPositive() ? "bad" : "good",
      params: {
        from: prev.eac,
        to: cur.eac,
        currency: cur.currency,
        delta: delta.abs().toFixed(2),
        percent: percent === null ? null : percent.replace(/^-/, ""),
      },
    };
    return [out];
  },
};
