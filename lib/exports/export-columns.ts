import { periodOf } from "../dates/fuzzy-date";
import type { BilingualText } from "../i18n/bilingual";
import { TIME_ZONE, type AppLocale } from "../i18n/config";
import type { ProjectColumnId } from "../projects/columns";
import type { FuzzyDate, MilestoneView, ProjectRow } from "../projects/types";

/**
 * What an export writes for each table column. One table column may give more
 * than one export column (the name: English and Chinese). Values are typed, so
 * the CSV writes text and the XLSX writes dates as dates and numbers as numbers.
 */
export type ExportValue =
  | { kind: "text"; value: string | null }
  | { kind: "percent"; value: number | null }
  | { kind: "number"; value: number | null }
  /** an exact decimal amount (two places) as text: CSV writes the text, XLSX a number formatted to two places */
  | { kind: "money"; value: string | null }
  | { kind: "fuzzyDate"; value: FuzzyDate | null }
  | { kind: "timestamp"; value: Date };

/** Display text the export needs, resolved by the route for the request's locale (the same text the table shows). */
export interface ExportLabels {
  locale: AppLocale;
  header: (key: ExportHeaderKey) => string;
  sheet: (name: "projects" | "milestones") => string;
  commodity: (value: string) => string;
  /** a bilingual text (project name, milestone title) in the export's language, else the other */
  name: (value: BilingualText) => string;
  /** a fuzzy date written as text (CSV) */
  fuzzyDate: (value: FuzzyDate) => string;
  /** shown after a quarter's first month in XLSX date cells (Excel has no quarter format) */
  quarterNote: string;
  region: (value: string) => string;
  businessLine: (value: string) => string;
  stage: (value: string) => string;
  health: (value: string) => string;
  milestoneState: (value: string) => string;
  country: (code: string) => string;
}

export type ExportHeaderKey =
  | ProjectColumnId
  | "nameZh"
  | "nextMilestoneDue"
  | "capexCurrency"
  | "budgetCNY"
  | "budgetUSD"
  | "eacCNY"
  | "eacUSD"
  | "capexRateSets"
  | "milestoneProject"
  | "milestoneTitle"
  | "milestoneTitleZh"
  | "milestoneBaseline"
  | "milestoneForecast"
  | "milestoneActual"
  | "milestoneState"
  | "milestoneSlip";

export interface ExportColumn<Row> {
  key: ExportHeaderKey;
  /** XLSX column width, in characters */
  width: number;
  value: (row: Row, labels: ExportLabels) => ExportValue;
}

const text = (value: string | null | undefined): ExportValue => ({ kind: "text", value: value ?? null });

const money = (value: string | null | undefined): ExportValue => ({ kind: "money", value: value ?? null });

/**
 * Budget and EAC: the project's currency amount beside its currency (a sum of
 * the column would add currencies, so the currency is its own column), and,
 * with a roll-up currency chosen, the converted amount and the rate sets used.
 */
function capexExport(figure: "budget" | "eac", rollup: RollupCurrency | undefined): ExportColumn<ProjectRow>[] {
  const own: ExportColumn<ProjectRow>[] = [
    { key: figure, width: 18, value: (r) => money(r.capex?.[figure]) },
    { key: "capexCurrency", width: 10, value: (r) => text(r.capex?.currency) },
  ];
  if (!rollup) return own;
  return [...own, { key: `${figure}${rollup}`, width: 18, value: (r) => money(r.capex?.converted[rollup][figure]) }];
}

type RollupCurrency = "CNY" | "USD";

const PROJECT_EXPORT: Record<Exclude<ProjectColumnId, "budget" | "eac">, ExportColumn<ProjectRow>[]> = {
  name: [
    { key: "name", width: 44, value: (r) => text(r.nameEn) },
    { key: "nameZh", width: 24, value: (r) => text(r.nameZh) },
  ],
  region: [{ key: "region", width: 16, value: (r, l) => text(r.region && l.region(r.region)) }],
  country: [{ key: "country", width: 18, value: (r, l) => text(r.countryCode && l.country(r.countryCode)) }],
  businessLine: [{ key: "businessLine", width: 26, value: (r, l) => text(l.businessLine(r.businessLine)) }],
  stage: [{ key: "stage", width: 16, value: (r, l) => text(l.stage(r.stage)) }],
  health: [{ key: "health", width: 14, value: (r, l) => text(l.health(r.health)) }],
  progress: [{ key: "progress", width: 10, value: (r) => ({ kind: "percent", value: r.progressPercent }) }],
  nextMilestone: [
    { key: "nextMilestone", width: 36, value: (r, l) => text(r.nextMilestone && l.name({ en: r.nextMilestone.title, zh: r.nextMilestone.titleZh })) },
    { key: "nextMilestoneDue", width: 14, value: (r) => ({ kind: "fuzzyDate", value: r.nextMilestone?.due ?? null }) },
  ],
  finish: [{ key: "finish", width: 14, value: (r) => ({ kind: "fuzzyDate", value: r.forecastFinish }) }],
  company: [{ key: "company", width: 30, value: (r) => text(r.operatingCompany) }],
  organization: [{ key: "organization", width: 30, value: (r, l) => text(r.organization && l.name({ en: r.organization.nameEn, zh: r.organization.nameZh })) }],
  commodities: [{ key: "commodities", width: 20, value: (r, l) => text(r.commodities.map(l.commodity).join("; ") || null) }],
  programme: [{ key: "programme", width: 36, value: (r, l) => text(r.programme && l.name({ en: r.programme.nameEn, zh: r.programme.nameZh })) }],
  updated: [{ key: "updated", width: 18, value: (r) => ({ kind: "timestamp", value: new Date(r.updatedAt) }) }],
  variance: [
    { key: "variance", width: 12, value: (r) => ({ kind: "percent", value: r.capex?.variancePercent == null ? null : Number(r.capex.variancePercent) }) },
  ],
};

/**
 * The export's columns: exactly the view's visible columns, in their order.
 * No column is restricted today (every role that may read may see every
 * listed field); a restricted field would be dropped here for a viewer who
 * may not see it, so that the export can never show more than the table.
 */
export function projectExportColumns(columns: readonly ProjectColumnId[], rollup?: RollupCurrency): ExportColumn<ProjectRow>[] {
  const out = columns.flatMap((c) => (c === "budget" || c === "eac" ? capexExport(c, rollup) : PROJECT_EXPORT[c]));
  // The currency column once, after the first amount; the rate sets once, at the end, when amounts were converted.
  const deduped = out.filter((c, i) => c.key !== "capexCurrency" || out.findIndex((x) => x.key === "capexCurrency") === i);
  if (rollup && columns.some((c) => c === "budget" || c === "eac"))
    deduped.push({ key: "capexRateSets", width: 30, value: (r) => text(r.capex?.rateSets.join("; ") || null) });
  return deduped;
}

export interface MilestoneExportRow {
  projectName: string;
  milestone: MilestoneView;
}

export const MILESTONE_EXPORT: ExportColumn<MilestoneExportRow>[] = [
  { key: "milestoneProject", width: 44, value: (r) => text(r.projectName) },
  { key: "milestoneTitle", width: 40, value: (r) => text(r.milestone.title) },
  { key: "milestoneTitleZh", width: 24, value: (r) => text(r.milestone.titleZh) },
  { key: "milestoneBaseline", width: 14, value: (r) => ({ kind: "fuzzyDate", value: r.milestone.baseline }) },
  { key: "milestoneForecast", width: 14, value: (r) => ({ kind: "fuzzyDate", value: r.milestone.forecast }) },
  { key: "milestoneActual", width: 14, value: (r) => ({ kind: "fuzzyDate", value: r.milestone.actual }) },
  { key: "milestoneState", width: 12, value: (r, l) => text(l.milestoneState(r.milestone.state)) },
  { key: "milestoneSlip", width: 10, value: (r) => ({ kind: "number", value: r.milestone.slipDays }) },
];

/**
 * A fuzzy date as text that keeps its precision and sorts: 2024, 2024-Q3,
 * 2024-03, 2024-03-12 (never an invented day).
 */
export function fuzzyDateText(f: FuzzyDate): string {
  const { start } = periodOf(f);
  const y = start.getUTCFullYear();
  const m = String(start.getUTCMonth() + 1).padStart(2, "0");
  switch (f.precision) {
    case "YEAR":
      return String(y);
    case "QUARTER":
      return `${y}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
    case "MONTH":
      return `${y}-${m}`;
    case "DAY":
      return f.date;
  }
}

/** The CSV text of a value (fuzzy dates in the labels' language when given). */
export function csvValue(v: ExportValue, labels?: Pick<ExportLabels, "fuzzyDate">): string | number | null {
  switch (v.kind) {
    case "text":
    case "percent":
    case "number":
    case "money":
      return v.value;
    case "fuzzyDate":
      return v.value ? (labels ? labels.fuzzyDate(v.value) : fuzzyDateText(v.value)) : null;
    case "timestamp":
      return timestampText(v.value);
  }
}

const TIMESTAMP_PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "shortOffset",
});

/**
 * A moment as a person reads it, in the portfolio's time zone and saying
 * which: "2026-11-25 14:03 GMT+8". Sortable as text, like the fuzzy dates.
 */
export function timestampText(at: Date): string {
  const part = Object.fromEntries(TIMESTAMP_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${part.timeZoneName}`;
}
