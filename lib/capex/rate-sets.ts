import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import type { Message } from "../i18n/message";
import { convert, dec, MissingRateError, type Dec, type Rate } from "./money";

export interface LoadedRateSet {
  id: string;
  name: string;
  /** "YYYY-MM" */
  effectiveFrom: string;
  rates: Rate[];
}

/** Every rate set, newest effective date first (there are few: one per budget and month-end). */
export async function loadRateSets(tx: Prisma.TransactionClient): Promise<LoadedRateSet[]> {
  const sets = await tx.exchangeRateSet.findMany({ include: { rates: true }, orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }] });
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    effectiveFrom: s.effectiveFrom.toISOString().slice(0, 7),
    rates: s.rates.map((r) => ({ currency: r.currency, toCny: r.toCny.toString(), toUsd: r.toUsd.toString() })),
  }));
}

/** The named set, or else the one in effect in `period` (latest effective date not after it). */
export function pickRateSet(sets: readonly LoadedRateSet[], period: string, name?: string): LoadedRateSet | { error: Message } {
  if (name) return sets.find((s) => s.name === name) ?? { error: { key: "noRateSetNamed", params: { name } } };
  return sets.find((s) => s.effectiveFrom <= period) ?? { error: { key: "noRateSetInEffect", params: { period } } };
}

/** CNY and USD amounts of a line, and the set used; a missing rate is the caller's input error. */
export function convertWith(
  sets: readonly LoadedRateSet[],
  amount: Dec,
  currency: string,
  period: string,
  name?: string,
): { amountCny: string; amountUsd: string; rateSetId: string } | { error: Message } {
  const set = pickRateSet(sets, period, name);
  if ("error" in set) return set;
  try {
    const { cny, usd } = convert(amount, currency, set.rates);
    return { amountCny: cny.toFixed(2), amountUsd: usd.toFixed(2), rateSetId: set.id };
  } catch (err) {
    if (err instanceof MissingRateError) return { error: { key: "rateSetLacksCurrency", params: { name: set.name, currency } } };
    throw err;
  }
}

export function convertOrThrow(...args: Parameters<typeof convertWith>): { amountCny: string; amountUsd: string; rateSetId: string } {
  const r = convertWith(...args);
  if ("error" in r) throw new AppError("BAD_REQUEST", r.error, { rateSet: r.error });
  return r;
}

export { dec };
