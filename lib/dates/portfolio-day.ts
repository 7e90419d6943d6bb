import { TIME_ZONE } from "../i18n/config";

/**
 * The portfolio's calendar day: the day in the group's home time zone (Beijing,
 * docs/decisions/0025-one-portfolio-day.md). Every "today" in the app is this
 * one — the list's "due within N days", the dashboard, the timeline, the
 * milestone form's "Mark achieved" — on the server and in the browser alike,
 * so that between 16:00 and 24:00 UTC (midnight to 08:00 in Beijing) no two
 * views disagree. Pure: importable from server and client code.
 */
export const PORTFOLIO_TIME_ZONE = TIME_ZONE;

const DAY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: PORTFOLIO_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today (or the day of `now`) in the portfolio's time zone, as YYYY-MM-DD. */
export function portfolioToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return DAY_FORMAT.format(now);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function assertIsoDay(day: string): void {
  if (!ISO_DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`expected a YYYY-MM-DD day, got ${JSON.stringify(day)}`);
}

/** `day` plus `n` days, as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
