import type { Health, MilestoneState, Stage } from "./enums";
import type { FuzzyDate } from "./types";

export interface TimelineMilestone {
  id: string;
  title: string;
  titleZh: string | null;
  state: MilestoneState;
  baseline: FuzzyDate | null;
  forecast: FuzzyDate | null;
  actual: FuzzyDate | null;
  /** At least this many days late against baseline (actual, else forecast); null when not comparable. */
  slipDays: number | null;
}

export interface TimelineProject {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  health: Health;
  stage: Stage;
  /** Planned start; there is no separate forecast or actual start in the model. */
  start: FuzzyDate | null;
  baselineFinish: FuzzyDate | null;
  forecastFinish: FuzzyDate | null;
  actualFinish: FuzzyDate | null;
  milestones: TimelineMilestone[];
}
