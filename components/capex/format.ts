/**
 * Display of exact decimal strings. Intl.NumberFormat formats a decimal string
 * without going through a binary float (ECMA-402 NumberFormat v3, Node 20+).
 */
type Numeric = `${number}`;

// One formatter per locale and options, kept for the process: building one costs far more than using it (issue 20).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

export function formatMoney(amount: string | null, currency: string, locale: string, fractionDigits = 0): string {
  if (amount === null) return "—";
  return cached(
    `money|${locale}|${currency}|${fractionDigits}`,
    () => new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(amount as Numeric);
}

export function formatNumber(value: string | null, locale: string, maximumFractionDigits = 2): string {
  if (value === null) return "—";
  return cached(`number|${locale}|${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(value as Numeric);
}

export function formatPercent(value: string | null, locale: string): string {
  if (value === null) return "—";
  const n = cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" })).format(value as Numeric);
  return `${n}%`;
}

/** "2026-03" → a short month label in the reader's language. */
export function formatMonth(period: string, locale: string): string {
  return cached(`month|${locale}`, () => new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" })).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}
