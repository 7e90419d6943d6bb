import type { DatePrecision } from "../projects/enums";
import type { FuzzyDate } from "../projects/types";

/**
 * Dates known to a precision (day, month, quarter, year). A fuzzy date is
 * stored as the first day of its period; its end is derived from the precision.
 */
const DAY_MS = 86_400_000;

export function toIsoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function fuzzyFromDb(date: Date | null, precision: DatePrecision | null): FuzzyDate | null {
  if (!date) return null;
  return { date: toIsoDay(date), precision: precision ?? "DAY" };
}

/** The first and last day of the period, as UTC midnights. */
export function periodOf(f: FuzzyDate): { start: Date; end: Date } {
  const [y, m, d] = f.date.split("-").map(Number);
  switch (f.precision) {
    case "DAY":
      return { start: new Date(Date.UTC(y, m - 1, d)), end: new Date(Date.UTC(y, m - 1, d)) };
    case "MONTH":
      return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 0)) };
    case "QUARTER": {
      const q = Math.floor((m - 1) / 3);
      return { start: new Date(Date.UTC(y, q * 3, 1)), end: new Date(Date.UTC(y, q * 3 + 3, 0)) };
    }
    case "YEAR":
      return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y, 11, 31)) };
  }
}

/** Normalizes a date to the first day of its period, so equal periods compare equal. */
export function normalizeFuzzy(f: FuzzyDate): FuzzyDate {
  return { date: toIsoDay(periodOf(f).start), precision: f.precision };
}

/**
 * Slip of a later date against a baseline, in whole days, counting only what is
 * certain: overlapping periods slip 0; a later period slips at least from the
 * baseline's end to its start; an earlier one is early by at least the gap.
 */
export function slipDays(baseline: FuzzyDate | null, later: FuzzyDate | null): number | null {
  if (!baseline || !later) return null;
  const b = periodOf(baseline);
  const l = periodOf(later);
  if (l.start > b.end) return Math.round((l.start.getTime() - b.end.getTime()) / DAY_MS);
  if (l.end < b.start) return -Math.round((b.start.getTime() - l.end.getTime()) / DAY_MS);
  return 0;
}

// Building an Intl.DateTimeFormat costs far more than formatting with one, and a page formats
// hundreds of dates (issue 20): one formatter per locale and precision, kept for the process.
const FUZZY_FORMATS = {
  YEAR: { timeZone: "UTC", year: "numeric" },
  MONTH: { timeZone: "UTC", year: "numeric", month: "short" },
  DAY: { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const fuzzyFormatters = new Map<string, Intl.DateTimeFormat>();

function fuzzyFormatter(locale: string, precision: keyof typeof FUZZY_FORMATS): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let format = fuzzyFormatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, FUZZY_FORMATS[precision]);
    fuzzyFormatters.set(key, format);
  }
  return format;
}

/** Locale-aware display: "2024", "Q3 2024", "Mar 2024", "12 Mar 2024" (or 2024年12月 in zh). */
export function formatFuzzyDate(f: FuzzyDate | null, locale = "en"): string {
  if (!f) return "";
  const { start } = periodOf(f);
  switch (f.precision) {
    case "QUARTER": {
      const q = Math.floor(start.getUTCMonth() / 3) + 1;
      return locale.startsWith("zh") ? `${start.getUTCFullYear()}年第${q}季度` : `Q${q} ${start.getUTCFullYear()}`;
    }
    default:
      return fuzzyFormatter(locale, f.precision).format(start);
  }
}

/** The value for `<time dateTime>`: HTML has date strings for a year, a month and a day, but none for a quarter (null). */
export function htmlDateTime({ date, precision }: FuzzyDate): string | null {
  switch (precision) {
    case "DAY":
      return date;
    case "MONTH":
      return date.slice(0, 7);
    case "YEAR":
      return date.slice(0, 4);
    case "QUARTER":
      return null;
  }
}
