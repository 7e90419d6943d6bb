/**
 * Commodities are stored as lower-case English words ("copper", "iron ore").
 * Known ones have a label in each catalog (`commodities`); anything else is
 * shown as stored rather than guessed.
 */
interface CommodityTranslator {
  (key: never): string;
  has(key: never): boolean;
}

export function commodityLabel(t: CommodityTranslator, value: string): string {
  const key = value.trim().toLowerCase() as never;
  return t.has(key) ? t(key) : value;
}
