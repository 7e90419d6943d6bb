/**
 * Display of exact decimal strings. Intl.NumberFormat formats a decimal string
 * without going through a binary float (ECMA-402 NumberFormat v3, Node 20+).
 */
type Numeric = `${number}`;

export function formatMoney(amount: string | null, currency: string, locale: string, fractionDigits = 0): string {
  if (amount === null) return "—";
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(
    amount as Numeric,
  );
}

export function formatNumber(value: string | null, locale: string, maximumFractionDigits = 2): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value as Numeric);
}

export function formatPercent(value: string | null, locale: string): string {
  if (value === null) return "—";
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value as Numeric);
  return `${n}%`;
}

/** "2026-03" → a short month label in the reader's language. */
export function formatMonth(period: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${period}-01T00:00:00Z`));
}
