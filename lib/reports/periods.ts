/**
 * Reporting periods are calendar months, named "YYYY-MM". Quarters and years
 * are derived from them (a quarter is its three months), never stored.
 * Client-safe: pure date arithmetic in UTC.
 */
export const PERIOD_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface PeriodBounds {
  id: string;
  startsOn: Date;
  endsOn: Date;
}

export function isPeriodId(value: string): boolean {
  return PERIOD_ID.test(value);
}

export function periodBounds(id: string): PeriodBounds {
  const m = PERIOD_ID.exec(id);
  if (!m) throw new Error(`not a period id: ${id}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  return { id, startsOn: new Date(Date.UTC(year, month - 1, 1)), endsOn: new Date(Date.UTC(year, month, 0)) };
}

export function periodOfDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function shiftPeriod(id: string, months: number): string {
  const { startsOn } = periodBounds(id);
  return periodOfDate(new Date(Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth() + months, 1)));
}

/** "2026-Q4" for any month of that quarter. */
export function quarterOf(id: string): string {
  const { startsOn } = periodBounds(id);
  return `${startsOn.getUTCFullYear()}-Q${Math.floor(startsOn.getUTCMonth() / 3) + 1}`;
}

export function yearOf(id: string): string {
  return id.slice(0, 4);
}

/** The months of a quarter ("2026-Q4") or a year ("2026"), in order. */
export function monthsOf(aggregate: string): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(aggregate);
  if (q) return [0, 1, 2].map((i) => `${q[1]}-${String((Number(q[2]) - 1) * 3 + i + 1).padStart(2, "0")}`);
  if (/^\d{4}$/.test(aggregate)) return Array.from({ length: 12 }, (_, i) => `${aggregate}-${String(i + 1).padStart(2, "0")}`);
  throw new Error(`not a quarter or year: ${aggregate}`);
}

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;
const YEAR_ID = /^\d{4}$/;

/** What a pack may show: a month ("2026-10"), a quarter ("2026-Q4") or a year ("2026"). */
export function isPackPeriod(value: string): boolean {
  return PERIOD_ID.test(value) || QUARTER_ID.test(value) || YEAR_ID.test(value);
}

/** The months a pack period spans: a month is its own. */
export function packMonths(id: string): string[] {
  return PERIOD_ID.test(id) ? [id] : monthsOf(id);
}

/**
 * The quarters and years around a list of months (newest first), for the
 * period selectors: every quarter and year that any of the months falls in.
 */
export function aggregatesOf(months: string[]): { quarters: string[]; years: string[] } {
  const quarters = [...new Set(months.map(quarterOf))].sort().reverse();
  const years = [...new Set(months.map(yearOf))].sort().reverse();
  return { quarters, years };
}

export interface DueRule {
  dueDay: number;
  remindDaysBefore: number;
  pmoGraceDays: number;
  groupGraceDays: number;
}

const DAY_MS = 86_400_000;

/** The report for month M is due on rule.dueDay of month M+1 (clamped to that month's length). */
export function dueDate(periodId: string, rule: Pick<DueRule, "dueDay">): Date {
  const next = periodBounds(shiftPeriod(periodId, 1));
  const day = Math.min(Math.max(1, rule.dueDay), next.endsOn.getUTCDate());
  return new Date(Date.UTC(next.startsOn.getUTCFullYear(), next.startsOn.getUTCMonth(), day));
}

export type ReminderStage = "none" | "remind" | "due" | "escalate-pmo" | "escalate-group";

/** Where an unreported period stands on a day: the reminder ladder. */
export function reminderStage(periodId: string, rule: DueRule, today: Date): ReminderStage {
  const due = dueDate(periodId, rule).getTime();
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (t >= due + rule.groupGraceDays * DAY_MS) return "escalate-group";
  if (t >= due + rule.pmoGraceDays * DAY_MS) return "escalate-pmo";
  if (t > due) return "due";
  if (t >= due - rule.remindDaysBefore * DAY_MS) return "remind";
  return "none";
}

/** The period a report is being written for on a day: last month. */
export function currentReportingPeriod(today: Date): string {
  return shiftPeriod(periodOfDate(today), -1);
}
