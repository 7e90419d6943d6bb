import { AMOUNT_PATTERN, UPLOAD_MEASURES } from "./capex.validation";
import { CURRENCY_PATTERN, parsePeriod } from "./money";
import type { SheetRow } from "../sheets/sheet";

/**
 * The shape checks of a cost-sheet row, without the database: every problem of
 * the row is listed, not just the first. Codes are message keys
 * (capex.upload.errors.*) with params.
 */
export type UploadErrorCode =
  | "missingColumn"
  | "missingValue"
  | "badPeriod"
  | "badNumber"
  | "badCurrency"
  | "badMeasure"
  | "duplicateReference"
  | "unknownProject"
  | "notYourProject"
  | "unknownCategory"
  | "currencyMismatch"
  | "noRateSet"
  | "noDraftBudget"
  | "unknownKpi"
  | "computedKpi";

export interface UploadError {
  code: UploadErrorCode;
  field?: string;
  params?: Record<string, string>;
}

export interface RawCostRow {
  row: number;
  project: string;
  externalRef: string;
  category: string;
  measure: string;
  period: string;
  amount: string;
  currency: string;
}

export const COST_COLUMNS = ["project", "externalRef", "category", "measure", "period", "amount", "currency"] as const;
const ALIASES: Record<string, (typeof COST_COLUMNS)[number]> = {
  project: "project",
  projectslug: "project",
  slug: "project",
  externalref: "externalRef",
  externalreference: "externalRef",
  reference: "externalRef",
  ref: "externalRef",
  category: "category",
  costcategory: "category",
  measure: "measure",
  period: "period",
  month: "period",
  amount: "amount",
  currency: "currency",
};

export function missingCostColumns(headers: readonly string[]): string[] {
  const have = new Set(headers.map((h) => ALIASES[h]).filter(Boolean));
  return COST_COLUMNS.filter((c) => !have.has(c));
}

export function costRowFromSheet(r: SheetRow): RawCostRow {
  const out: RawCostRow = { row: r.row, project: "", externalRef: "", category: "", measure: "", period: "", amount: "", currency: "" };
  for (const [h, v] of Object.entries(r.cells)) {
    const col = ALIASES[h];
    if (col) out[col] = v;
  }
  return out;
}

export interface ParsedCostRow {
  row: number;
  project: string;
  externalRef: string;
  category: string;
  measure: (typeof UPLOAD_MEASURES)[number];
  period: string;
  amount: string;
  currency: string;
}

/** Only plain numbers with a decimal point: thousands separators and decimal commas are errors, never guesses. */
export function checkCostRow(raw: RawCostRow): { errors: UploadError[]; parsed: ParsedCostRow | null } {
  const errors: UploadError[] = [];
  for (const f of COST_COLUMNS) if (!raw[f].trim()) errors.push({ code: "missingValue", field: f });
  const period = raw.period ? parsePeriod(raw.period) : null;
  if (raw.period && !period) errors.push({ code: "badPeriod", field: "period", params: { value: raw.period } });
  const amount = raw.amount.trim();
  if (amount && !AMOUNT_PATTERN.test(amount)) errors.push({ code: "badNumber", field: "amount", params: { value: raw.amount } });
  const currency = raw.currency.trim().toUpperCase();
  if (currency && !CURRENCY_PATTERN.test(currency)) errors.push({ code: "badCurrency", field: "currency", params: { value: raw.currency } });
  const measure = raw.measure.trim().toUpperCase();
  if (measure && !(UPLOAD_MEASURES as readonly string[]).includes(measure))
    errors.push({ code: "badMeasure", field: "measure", params: { value: raw.measure } });
  if (raw.externalRef.length > 120) errors.push({ code: "missingValue", field: "externalRef" });
  if (errors.length) return { errors, parsed: null };
  return {
    errors,
    parsed: {
      row: raw.row,
      project: raw.project.trim(),
      externalRef: raw.externalRef.trim(),
      category: raw.category.trim().toLowerCase(),
      measure: measure as ParsedCostRow["measure"],
      period: period!,
      amount,
      currency,
    },
  };
}

/** The same external reference twice in one project of one sheet: both rows are errors. */
export function duplicateReferences(rows: readonly { row: number; project: string; externalRef: string }[]): Map<number, UploadError> {
  const seen = new Map<string, number[]>();
  for (const r of rows) {
    const k = `${r.project}\u0000${r.externalRef}`;
    seen.set(k, [...(seen.get(k) ?? []), r.row]);
  }
  const out = new Map<number, UploadError>();
  for (const [k, list] of seen)
    if (list.length > 1)
      for (const row of list)
        out.set(row, { code: "duplicateReference", field: "externalRef", params: { value: k.split("\u0000")[1], rows: list.join(", ") } });
  return out;
}
