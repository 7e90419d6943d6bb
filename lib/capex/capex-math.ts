import { dec, Money, monthRange, type Dec } from "./money";

/**
 * The figures of one project's capex, all in the project's one currency.
 * EAC = actual to date + the forecast for the months after the last actual;
 * variance = EAC − the current approved budget (positive: an overrun).
 */
export interface CostPoint {
  measure: "COMMITTED" | "ACTUAL" | "FORECAST";
  /** "YYYY-MM" */
  period: string;
  amount: Dec;
}

export interface BudgetPoint {
  period: string;
  amount: Dec;
}

export interface CurvePoint {
  period: string;
  planned: Dec;
  actual: Dec | null;
  forecast: Dec | null;
}

export interface CapexFigures {
  approved: Dec | null;
  committed: Dec;
  actual: Dec;
  /** the last month with an actual cost: "to date" means up to and including it */
  actualThrough: string | null;
  remainingForecast: Dec;
  eac: Dec | null;
  variance: Dec | null;
  /** variance as a percentage of the approved budget, two decimals */
  variancePercent: Dec | null;
  /** cumulative by month: planned (approved budget), actual to date, forecast from the last actual on */
  curve: CurvePoint[];
}

const zero = () => new Money(0);

export function sum(values: Iterable<Dec>): Dec {
  let total = zero();
  for (const v of values) total = total.plus(v);
  return total;
}

/** EAC from actuals and forecasts: actual to date + forecast after the last actual month. */
export function estimateAtCompletion(costs: readonly CostPoint[]): { eac: Dec | null; actual: Dec; actualThrough: string | null; remainingForecast: Dec } {
  const actuals = costs.filter((c) => c.measure === "ACTUAL");
  const forecasts = costs.filter((c) => c.measure === "FORECAST");
  const actualThrough = actuals.reduce<string | null>((max, c) => (max === null || c.period > max ? c.period : max), null);
  const actual = sum(actuals.map((c) => c.amount));
  const remainingForecast = sum(forecasts.filter((c) => actualThrough === null || c.period > actualThrough).map((c) => c.amount));
  const eac = actuals.length || forecasts.length ? actual.plus(remainingForecast) : null;
  return { eac, actual, actualThrough, remainingForecast };
}

export function variance(eac: Dec | null, approved: Dec | null): { variance: Dec | null; variancePercent: Dec | null } {
  if (eac === null || approved === null) return { variance: null, variancePercent: null };
  const v = eac.minus(approved);
  return { variance: v, variancePercent: approved.isZero() ? null : v.div(approved).times(100).toDecimalPlaces(2) };
}

/** Running totals of a monthly series, in order of `periods`. */
export function cumulative(periods: readonly string[], monthly: ReadonlyMap<string, Dec>): Dec[] {
  let running = zero();
  return periods.map((p) => (running = running.plus(monthly.get(p) ?? 0)));
}

function byMonth(points: readonly { period: string; amount: Dec }[]): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const p of points) out.set(p.period, (out.get(p.period) ?? zero()).plus(p.amount));
  return out;
}

export function capexFigures({ budget, costs }: { budget: readonly BudgetPoint[] | null; costs: readonly CostPoint[] }): CapexFigures {
  const approved = budget ? sum(budget.map((b) => b.amount)) : null;
  const committed = sum(costs.filter((c) => c.measure === "COMMITTED").map((c) => c.amount));
  const { eac, actual, actualThrough, remainingForecast } = estimateAtCompletion(costs);
  const periods = [...(budget ?? []).map((b) => b.period), ...costs.filter((c) => c.measure !== "COMMITTED").map((c) => c.period)].sort();
  const curve: CurvePoint[] = [];
  if (periods.length) {
    const months = monthRange(periods[0], periods[periods.length - 1]);
    const planned = cumulative(months, byMonth(budget ?? []));
    const actualMonthly = byMonth(costs.filter((c) => c.measure === "ACTUAL"));
    const forecastMonthly = byMonth(costs.filter((c) => c.measure === "FORECAST" && (actualThrough === null || c.period > actualThrough)));
    const actualCum = cumulative(months, actualMonthly);
    const hasForecast = forecastMonthly.size > 0;
    let running = zero();
    months.forEach((m, i) => {
      let forecast: Dec | null = null;
      if (hasForecast) {
        if (actualThrough === null) forecast = running = running.plus(forecastMonthly.get(m) ?? 0);
        else if (m === actualThrough) forecast = running = actualCum[i];
        else if (m > actualThrough) forecast = running = running.plus(forecastMonthly.get(m) ?? 0);
      }
      curve.push({ period: m, planned: planned[i], actual: actualThrough !== null && m <= actualThrough ? actualCum[i] : null, forecast });
    });
  }
  return { approved, committed, actual, actualThrough, remainingForecast, eac, ...variance(eac, approved), curve };
}

/** Plain strings for the client (Decimal does not cross the server/client boundary). */
export type Wire<T> = {
  [K in keyof T]: T[K] extends Dec ? string : T[K] extends Dec | null ? string | null : T[K] extends readonly (infer U)[] ? Wire<U>[] : T[K];
};

export function figuresToWire(f: CapexFigures): Wire<CapexFigures> {
  const s = (d: Dec | null) => (d === null ? null : d.toFixed(2));
  return {
    approved: s(f.approved),
    committed: f.committed.toFixed(2),
    actual: f.actual.toFixed(2),
    actualThrough: f.actualThrough,
    remainingForecast: f.remainingForecast.toFixed(2),
    eac: s(f.eac),
    variance: s(f.variance),
    variancePercent: s(f.variancePercent),
    curve: f.curve.map((p) => ({ period: p.period, planned: p.planned.toFixed(2), actual: s(p.actual), forecast: s(p.forecast) })),
  };
}

export { dec };
