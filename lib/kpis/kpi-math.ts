import { Money, type Dec } from "../capex/money";

/**
 * KPI arithmetic. Rates (TRIFR, LTIFR) are never stored: they are computed
 * from summed counts and summed hours, so a group total is exact (the mean of
 * site rates is not the group's rate). docs/decisions/0047-kpi-rates-from-counts.md
 */
export type Aggregation = "SUM" | "AVERAGE" | "LAST" | "RATIO";

export interface KpiDefinitionLike {
  key: string;
  aggregation: Aggregation;
  numeratorKeys: string[];
  denominatorKeys: string[];
  scale: Dec | null;
}

/** A frequency rate: sum(counts) × scale / sum(hours); null when no hours were worked. */
export function frequencyRate(counts: readonly Dec[], hours: readonly Dec[], scale: Dec = new Money(1_000_000)): Dec | null {
  const h = hours.reduce((a, b) => a.plus(b), new Money(0));
  if (h.isZero()) return null;
  const c = counts.reduce((a, b) => a.plus(b), new Money(0));
  return c.times(scale).div(h);
}

/** Aggregates one KPI's monthly values (ordered by period) over a span or across projects. */
export function aggregate(aggregation: Exclude<Aggregation, "RATIO">, values: readonly Dec[]): Dec | null {
  if (!values.length) return null;
  switch (aggregation) {
    case "SUM":
      return values.reduce((a, b) => a.plus(b), new Money(0));
    case "AVERAGE":
      return values.reduce((a, b) => a.plus(b), new Money(0)).div(values.length);
    case "LAST":
      return values[values.length - 1];
  }
}

/** A RATIO KPI's value from the other KPIs' values (summed by key) over the same span. */
export function ratioValue(def: KpiDefinitionLike, valuesByKey: ReadonlyMap<string, readonly Dec[]>): Dec | null {
  const pick = (keys: string[]) => keys.flatMap((k) => valuesByKey.get(k) ?? []);
  return frequencyRate(pick(def.numeratorKeys), pick(def.denominatorKeys), def.scale ?? new Money(1));
}

/** Actual as a percentage of the monthly design capacity. */
export function percentOfDesign(actual: Dec | null, monthlyCapacity: Dec | null): Dec | null {
  if (actual === null || monthlyCapacity === null || monthlyCapacity.isZero()) return null;
  return actual.div(monthlyCapacity).times(100).toDecimalPlaces(1);
}

/** Is the actual on the good side of the target? */
export function meetsTarget(actual: Dec, target: Dec, direction: "HIGHER_BETTER" | "LOWER_BETTER"): boolean {
  return direction === "HIGHER_BETTER" ? actual.gte(target) : actual.lte(target);
}
