import Decimal from "decimal.js";
import { NARRATIVE_FIELDS, type Narrative, type NarrativeField } from "./report.validation";
import { snapshotFigures, type Snapshot } from "./snapshot/capture";
import type { OverviewData } from "./snapshot/overview";

/** One thing a correction changed against the version it supersedes. */
export type CorrectionChange =
  | { kind: "overview"; field: OverviewField; before: string | null; after: string | null }
  | { kind: "figure"; key: string; currency: string; before: string | null; after: string | null }
  | { kind: "narrative"; field: NarrativeField; lang: "En" | "Zh"; before: string; after: string };

const OVERVIEW_FIELDS = ["health", "stage", "progressPercent", "forecastFinish", "plannedFinish"] as const;
type OverviewField = (typeof OVERVIEW_FIELDS)[number];

interface Version {
  snapshot: Snapshot;
  narrative: Partial<Narrative>;
}

function overviewValue(o: OverviewData | undefined, field: OverviewField): string | null {
  const v = o?.[field];
  if (v === null || v === undefined) return null;
  // A fuzzy date compares (and shows) as its date and precision: a month precision is a different statement.
  if (typeof v === "object") return `${v.date}${v.precision && v.precision !== "DAY" ? ` (${v.precision})` : ""}`;
  return String(v);
}

/**
 * What a correction changed: the status fields, every typed figure (the
 * numbers the pack sums) and every narrative field, in that order; only what
 * differs. Figures compare as decimals ("40" equals "40.00"). Pure: the
 * report page shows it beside the reason, and a unit test pins it.
 */
export function correctionDiff(older: Version, newer: Version): CorrectionChange[] {
  const out: CorrectionChange[] = [];
  const o1 = older.snapshot.overview as OverviewData | undefined;
  const o2 = newer.snapshot.overview as OverviewData | undefined;
  for (const field of OVERVIEW_FIELDS) {
    const before = overviewValue(o1, field);
    const after = overviewValue(o2, field);
    if (before !== after) out.push({ kind: "overview", field, before, after });
  }
  const figureMap = (s: Snapshot) => new Map(snapshotFigures(s).map((f) => [`${f.key}\u0000${f.currency}`, f]));
  const f1 = figureMap(older.snapshot);
  const f2 = figureMap(newer.snapshot);
  for (const id of [...new Set([...f1.keys(), ...f2.keys()])].sort()) {
    const a = f1.get(id);
    const b = f2.get(id);
    if (a && b && new Decimal(a.value).equals(b.value)) continue;
    const [key, currency] = id.split("\u0000");
    out.push({ kind: "figure", key, currency, before: a?.value ?? null, after: b?.value ?? null });
  }
  for (const field of NARRATIVE_FIELDS)
    for (const lang of ["En", "Zh"] as const) {
      const before = (older.narrative[`${field}${lang}`] ?? "").trim();
      const after = (newer.narrative[`${field}${lang}`] ?? "").trim();
      if (before !== after) out.push({ kind: "narrative", field, lang, before, after });
    }
  return out;
}
