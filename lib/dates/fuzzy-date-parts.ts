import type { DatePrecision } from "../projects/enums";
import { normalizeFuzzy } from "./fuzzy-date";

/**
 * The pieces a precision's picker edits, and back (issue 17.22): a day picker
 * for a day, `<input type="month">` (YYYY-MM) for a month, a year and a quarter
 * for a quarter, a year for a year. The stored value stays the first day of the
 * period, so what the picker shows is exactly what was saved.
 */
export interface FuzzyDateParts {
  /** YYYY-MM-DD, for a day */
  day: string;
  /** YYYY-MM, for a month */
  month: string;
  /** the year as typed, for a quarter or a year */
  year: string;
  /** 1–4, for a quarter */
  quarter: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(date: string): boolean {
  if (!ISO_DAY.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The picker's pieces for a stored date (empty pieces when the date is not set or not a date). */
export function partsOf(date: string): FuzzyDateParts {
  if (!ISO_DAY.test(date)) return { day: "", month: "", year: "", quarter: 1 };
  const month = Number(date.slice(5, 7));
  return { day: date, month: date.slice(0, 7), year: String(Number(date.slice(0, 4))), quarter: Math.min(4, Math.max(1, Math.floor((month - 1) / 3) + 1)) };
}

/**
 * The date a year as typed stands for, as YYYY-01-01. An unfinished or
 * impossible year ("20", "99999") becomes a date outside 1900–2200, so the
 * shared schema answers with its range message instead of a format one.
 */
function yearStart(year: string): string | null {
  const text = year.trim();
  if (!text) return null;
  if (!/^\d+$/.test(text)) return "0000-01-01";
  return text.length > 4 ? "9999-01-01" : `${text.padStart(4, "0")}-01-01`;
}

/** The stored date (first day of the period) for what the picker holds; "" when nothing is chosen. */
export function dateFromParts(precision: DatePrecision, parts: Partial<FuzzyDateParts>): string {
  switch (precision) {
    case "DAY":
      return parts.day ?? "";
    case "MONTH":
      return parts.month ? `${parts.month}-01` : "";
    case "YEAR":
      return yearStart(parts.year ?? "") ?? "";
    case "QUARTER": {
      const start = yearStart(parts.year ?? "");
      if (!start) return "";
      const q = Math.min(4, Math.max(1, parts.quarter ?? 1));
      return `${start.slice(0, 4)}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
    }
  }
}

/**
 * A new precision keeps the period the date falls in: 30 June 2027 by month is
 * June 2027 (stored 2027-06-01), by quarter Q2 2027. An unfinished date is dropped.
 */
export function withPrecision(date: string, precision: DatePrecision): string {
  if (!isRealDay(date)) return "";
  return normalizeFuzzy({ date, precision }).date;
}
