import type { MilestoneState } from "@/lib/projects/enums";
import type { FuzzyDate, MilestoneView } from "@/lib/projects/types";
import { milestoneEditRules, type MilestoneCommentReason, type MilestoneUpdateInput } from "@/lib/milestones/milestone.validation";
import { fromFuzzyValue, toFuzzyValue, type FuzzyDateValue } from "./fuzzy-date-input";
import { sameFuzzy, validFuzzy } from "./fuzzy-compare";

/** A milestone form's values, as typed. */
export interface MilestoneValues {
  title: string;
  titleZh: string;
  baseline: FuzzyDateValue;
  forecast: FuzzyDateValue;
  actual: FuzzyDateValue;
  state: MilestoneState;
}

export type MilestoneField = keyof MilestoneValues;
export const MILESTONE_FIELDS: MilestoneField[] = ["title", "titleZh", "baseline", "forecast", "actual", "state"];
const DATE_KEYS = ["baseline", "forecast", "actual"] as const;

export const EMPTY_MILESTONE: MilestoneValues = {
  title: "",
  titleZh: "",
  baseline: toFuzzyValue(null, "MONTH"),
  forecast: toFuzzyValue(null, "MONTH"),
  actual: toFuzzyValue(null),
  state: "PLANNED",
};

export function milestoneValues(m: MilestoneView): MilestoneValues {
  return {
    title: m.title,
    titleZh: m.titleZh ?? "",
    baseline: toFuzzyValue(m.baseline, "MONTH"),
    forecast: toFuzzyValue(m.forecast, "MONTH"),
    actual: toFuzzyValue(m.actual),
    state: m.state,
  };
}

/** Fields that differ from the milestone as it was when the edit began. */
export function changedMilestoneFields(base: MilestoneView, v: MilestoneValues): MilestoneField[] {
  return MILESTONE_FIELDS.filter((f) => {
    if (f === "title") return v.title.trim() !== base.title;
    if (f === "titleZh") return (v.titleZh.trim() || null) !== base.titleZh;
    if (f === "state") return v.state !== base.state;
    return !sameFuzzy(fromFuzzyValue(v[f]), base[f]);
  });
}

/** The update to send: version, changed fields, comment. */
export function milestoneUpdateInput(base: MilestoneView, v: MilestoneValues, comment: string) {
  const changed = changedMilestoneFields(base, v);
  const input: Record<string, unknown> = { version: base.version };
  for (const f of changed) {
    if (f === "titleZh") input.titleZh = v.titleZh.trim() || null;
    else if ((DATE_KEYS as readonly string[]).includes(f)) input[f] = fromFuzzyValue(v[f as (typeof DATE_KEYS)[number]]);
    else input[f] = v[f];
  }
  input.comment = comment;
  // Built field by field from the changed set; the schema (form.validate) checks what it holds.
  return { changed, input: input as MilestoneUpdateInput };
}

export function milestoneCreateInput(v: MilestoneValues, comment: string) {
  return {
    title: v.title,
    titleZh: v.titleZh.trim() || null,
    baseline: fromFuzzyValue(v.baseline),
    forecast: fromFuzzyValue(v.forecast),
    actual: fromFuzzyValue(v.actual),
    state: v.state,
    comment,
  };
}

/** Why this edit needs a comment (the server's rule: milestoneEditRules), or null. */
export function milestoneCommentReason(base: MilestoneView | null, v: MilestoneValues): MilestoneCommentReason | null {
  if (!base) return null;
  const changed = changedMilestoneFields(base, v);
  const forecast: FuzzyDate | null = validFuzzy(fromFuzzyValue(v.forecast));
  // A half-typed date says nothing yet about a slip.
  const forecastKnown = changed.includes("forecast") && (forecast || !v.forecast.date);
  return milestoneEditRules(base, { rebaseline: changed.includes("baseline"), forecast: forecastKnown ? forecast : undefined, comment: "" }).commentReason;
}
