import { normalizeFuzzy } from "@/lib/dates/fuzzy-date";
import { isoDaySchema } from "@/lib/dates/fuzzy-date.validation";
import type { FuzzyDate } from "@/lib/projects/types";

/** Whether two dates mean the same period (2024-08-15 by quarter = 2024-07-01 by quarter), as the server compares them. */
export function sameFuzzy(a: FuzzyDate | null, b: FuzzyDate | null): boolean {
  if (!a || !b) return a === b;
  if (!isoDaySchema.safeParse(a.date).success || !isoDaySchema.safeParse(b.date).success) return a.date === b.date && a.precision === b.precision;
  const na = normalizeFuzzy(a);
  const nb = normalizeFuzzy(b);
  return na.date === nb.date && na.precision === nb.precision;
}

/** A date valid enough to reason about (for live hints), else null. */
export function validFuzzy(f: FuzzyDate | null): FuzzyDate | null {
  return f && isoDaySchema.safeParse(f.date).success ? f : null;
}
