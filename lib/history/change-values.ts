import type { FuzzyDate } from "../projects/types";

/**
 * History stores before/after values as text so that one column serves every
 * field and history can be filtered by field. These are the encodings.
 */
export function encodeFuzzy(f: FuzzyDate | null | undefined): string | null {
  return f ? `${f.date}|${f.precision}` : null;
}

export function decodeFuzzy(value: string | null): FuzzyDate | null {
  if (!value) return null;
  const [date, precision] = value.split("|");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return { date, precision: (["DAY", "MONTH", "QUARTER", "YEAR"] as const).find((p) => p === precision) ?? "DAY" };
}

/** Fields whose values are fuzzy dates, as named in FieldChange.field. */
export const DATE_FIELDS = new Set([
  "plannedStart",
  "plannedFinish",
  "forecastFinish",
  "actualFinish",
  "milestone.baseline",
  "milestone.forecast",
  "milestone.actual",
]);
