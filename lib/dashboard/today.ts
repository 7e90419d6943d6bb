import { TIME_ZONE } from "../i18n/config";

/**
 * "Today" for the dashboard: the calendar day in the group's home time zone
 * (a milestone due "today" in Beijing is due today for the whole portfolio).
 * The data layer takes `today` as an option, so tests fix it; pages call this.
 */
export function dashboardToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
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
