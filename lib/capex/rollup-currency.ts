import type { RollupCurrency } from "./money";

/** The reader's roll-up currency: ?rollup=CNY|USD, else CNY for Chinese readers and USD for others. */
export function rollupCurrency(param: string | string[] | undefined, locale: string): RollupCurrency {
  const v = Array.isArray(param) ? param[0] : param;
  if (v === "CNY" || v === "USD") return v;
  return locale.startsWith("zh") ? "CNY" : "USD";
}
