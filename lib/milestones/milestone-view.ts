import { fuzzyFromDb, slipDays } from "../dates/fuzzy-date";
import type { DatePrecision, MilestoneState } from "../projects/enums";
import type { MilestoneView } from "../projects/types";

/** The stored columns a milestone view is made from (a `Milestone` row or a select of these). */
export interface MilestoneColumns {
  id: string;
  title: string;
  titleZh: string | null;
  state: MilestoneState;
  version: number;
  baselineDate: Date | null;
  baselinePrecision: DatePrecision | null;
  forecastDate: Date | null;
  forecastPrecision: DatePrecision | null;
  actualDate: Date | null;
  actualPrecision: DatePrecision | null;
}

/**
 * A stored milestone as the app shows it: fuzzy dates from their columns, and
 * the slip against the baseline (actual, else forecast). The one mapper: the
 * project page, the timeline, the exports and the milestone mutations use it.
 */
export function toMilestoneView(m: MilestoneColumns): MilestoneView {
  const baseline = fuzzyFromDb(m.baselineDate, m.baselinePrecision);
  const forecast = fuzzyFromDb(m.forecastDate, m.forecastPrecision);
  const actual = fuzzyFromDb(m.actualDate, m.actualPrecision);
  return {
    id: m.id,
    title: m.title,
    titleZh: m.titleZh,
    baseline,
    forecast,
    actual,
    state: m.state,
    slipDays: slipDays(baseline, actual ?? forecast),
    version: m.version,
  };
}
