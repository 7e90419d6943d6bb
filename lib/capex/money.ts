import Decimal from "decimal.js";

/**
 * Exact money arithmetic (docs/decisions/0045-exact-money.md): amounts are
 * decimal.js values in code, Decimal(18,2) in the database, strings on the
 * wire, and always travel with their ISO 4217 currency. Nothing here adds two
 * amounts of different currencies: `sumByCurrency` keeps them apart and
 * `addSame` refuses a mix.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Money>;

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** The currencies roll-ups are shown in. */
export const ROLLUP_CURRENCIES = ["CNY", "USD"] as const;
export type RollupCurrency = (typeof ROLLUP_CURRENCIES)[number];

export interface Amount {
  amount: Dec;
  currency: string;
}

export function dec(value: Decimal.Value | { toString(): string }): Dec {
  return new Money(typeof value === "object" && !(value instanceof Decimal) ? value.toString() : value);
}

/** Rounds to cents, half away from zero (as PostgreSQL's round(numeric) does). */
export function roundMoney(value: Dec): Dec {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A money string for storage and the wire: always two decimals, no exponent. */
export function moneyString(value: Dec): string {
  return roundMoney(value).toFixed(2);
}

export interface Rate {
  currency: string;
  /** one unit of `currency` in CNY */
  toCny: Decimal.Value;
  /** one unit of `currency` in USD */
  toUsd: Decimal.Value;
}

export class MissingRateError extends Error {
  constructor(readonly currency: string) {
    super(`No exchange rate for ${currency} in the set`);
  }
}

/** Converts an amount to CNY and USD through one rate set; CNY→CNY and USD→USD are exact identities. */
export function convert(amount: Dec, currency: string, rates: readonly Rate[]): { cny: Dec; usd: Dec } {
  const rate = rates.find((r) => r.currency === currency);
  const cny = currency === "CNY" ? amount : rate ? amount.times(rate.toCny) : null;
  const usd = currency === "USD" ? amount : rate ? amount.times(rate.toUsd) : null;
  if (!cny || !usd) throw new MissingRateError(currency);
  return { cny: roundMoney(cny), usd: roundMoney(usd) };
}

/** Sums amounts per currency; the result never mixes currencies. */
export function sumByCurrency(items: Iterable<Amount>): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const { amount, currency } of items) out.set(currency, (out.get(currency) ?? new Money(0)).plus(amount));
  return out;
}

/** Adds amounts that must share one currency; a mix is a programming error, not a sum. */
export function addSame(a: Amount, b: Amount): Amount {
  if (a.currency !== b.currency) throw new Error(`Refusing to add ${a.currency} to ${b.currency}`);
  return { amount: a.amount.plus(b.amount), currency: a.currency };
}

/** "2026-03" or "2026-03-01" → "2026-03"; anything else → null. */
export function parsePeriod(value: string): string | null {
  const m = /^(\d{4})-(\d{2})(?:-01)?$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[2]);
  const year = Number(m[1]);
  if (month < 1 || month > 12 || year < 1990 || year > 2100) return null;
  return `${m[1]}-${m[2]}`;
}

export function periodToDate(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}

export function dateToPeriod(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** Months from `from` to `to` inclusive, as "YYYY-MM". */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
