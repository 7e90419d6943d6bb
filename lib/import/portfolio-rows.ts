import { isoDaySchema } from "../dates/fuzzy-date.validation";
import { normalizeFuzzy } from "../dates/fuzzy-date";
import { BUSINESS_LINES, DATE_PRECISIONS, MILESTONE_STATES, PROJECT_KINDS, REGIONS, STAGES } from "../projects/enums";
import type { BusinessLine, DatePrecision, MilestoneState, ProjectKind, Region, Stage } from "../projects/enums";
import { KNOWN_COUNTRIES, regionOfCountry } from "../projects/regions";
import type { FuzzyDate } from "../projects/types";
import type { SheetRow } from "../sheets/sheet";
import { hasControlCharacter, hasVisibleCharacter, stripBidiControls } from "../validation/text";
import { MILESTONE_COLUMNS, PROJECT_COLUMNS, rowFields, type MilestoneField, type ProjectField } from "./columns";

/**
 * The shape checks of the portfolio sheets, without the database: every
 * problem of a row is listed, not just the first. Codes are message keys
 * (import.errors.*) with params; the database checks (units, scope, what
 * exists) are in portfolio-import.ts.
 */
export type ImportErrorCode =
  | "missingValue"
  | "tooLong"
  | "badText"
  | "badKey"
  | "badEnum"
  | "badCountry"
  | "regionMismatch"
  | "badDate"
  | "badPrecision"
  | "chineseInEnglish"
  | "needsActual"
  | "duplicateKey"
  | "unknownUnit"
  | "archivedUnit"
  | "unitOutOfScope"
  | "notYourProject"
  | "unitChange"
  | "unknownProject"
  | "needsRebaseline"
  | "badEmail"
  | "unknownRole"
  | "ownAccount";

export interface ImportError {
  code: ImportErrorCode;
  field?: string;
  params?: Record<string, string>;
}

export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY_MAX = 120;
const HAN = /\p{Script=Han}/u;

export interface ParsedProject {
  row: number;
  key: string;
  nameEn: string;
  nameZh: string | null;
  unit: string;
  kind: ProjectKind;
  businessLine: BusinessLine;
  stage: Stage;
  region: Region | null;
  countryCode: string | null;
  plannedStart: FuzzyDate | null;
  plannedFinish: FuzzyDate | null;
  summary: string;
  summaryZh: string | null;
}

export interface ParsedMilestone {
  row: number;
  project: string;
  key: string;
  title: string;
  titleZh: string | null;
  state: MilestoneState;
  baseline: FuzzyDate | null;
  forecast: FuzzyDate | null;
  actual: FuzzyDate | null;
}

export interface Checked<T> {
  row: number;
  key: string;
  errors: ImportError[];
  parsed: T | null;
}

/** A small collector: each check adds its error and returns the clean value (or null). */
function collector(errors: ImportError[]) {
  const text = (
    field: string,
    raw: string,
    { max, required = false, english = false, multiline = false }: { max: number; required?: boolean; english?: boolean; multiline?: boolean },
  ): string | null => {
    const v = stripBidiControls(raw).trim();
    if (!v) {
      if (required) errors.push({ code: "missingValue", field });
      return null;
    }
    if (hasControlCharacter(v, multiline) || !hasVisibleCharacter(v)) errors.push({ code: "badText", field });
    else if (v.length > max) errors.push({ code: "tooLong", field, params: { max: String(max) } });
    else if (english && HAN.test(v)) errors.push({ code: "chineseInEnglish", field, params: { value: v } });
    else return v;
    return null;
  };
  const key = (field: string, raw: string): string | null => {
    const v = raw.trim().toLowerCase();
    if (!v) errors.push({ code: "missingValue", field });
    else if (v.length > KEY_MAX || !KEY_PATTERN.test(v)) errors.push({ code: "badKey", field, params: { value: raw } });
    else return v;
    return null;
  };
  const choice = <T extends string>(field: string, raw: string, allowed: readonly T[], required: boolean): T | null | undefined => {
    const v = raw
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, "_");
    if (!v) {
      if (required) errors.push({ code: "missingValue", field });
      return null;
    }
    if ((allowed as readonly string[]).includes(v)) return v as T;
    errors.push({ code: "badEnum", field, params: { value: raw, allowed: allowed.join(", ") } });
    return undefined;
  };
  /** A date and its precision (default DAY), normalized to the first day of its period. */
  const fuzzy = (field: string, rawDate: string, rawPrecision: string): FuzzyDate | null | undefined => {
    const date = rawDate.trim();
    const precision = rawPrecision.trim().toUpperCase();
    if (!date) {
      if (precision) {
        errors.push({ code: "badPrecision", field: `${field}Precision`, params: { value: rawPrecision } });
        return undefined;
      }
      return null;
    }
    let ok = true;
    if (!isoDaySchema.safeParse(date).success) {
      errors.push({ code: "badDate", field, params: { value: rawDate } });
      ok = false;
    }
    if (precision && !(DATE_PRECISIONS as readonly string[]).includes(precision)) {
      errors.push({ code: "badPrecision", field: `${field}Precision`, params: { value: rawPrecision, allowed: DATE_PRECISIONS.join(", ") } });
      ok = false;
    }
    return ok ? normalizeFuzzy({ date, precision: (precision || "DAY") as DatePrecision }) : undefined;
  };
  return { text, key, choice, fuzzy };
}

export function checkProjectRow(r: SheetRow): Checked<ParsedProject> {
  const f = rowFields<ProjectField>(PROJECT_COLUMNS, r.cells);
  const errors: ImportError[] = [];
  const c = collector(errors);
  const key = c.key("key", f.key);
  const nameEn = c.text("nameEn", f.nameEn, { max: 200, required: true, english: true });
  const nameZh = c.text("nameZh", f.nameZh, { max: 200 });
  const unit = f.unit.trim().toUpperCase();
  if (!unit) errors.push({ code: "missingValue", field: "unit" });
  const kind = c.choice("kind", f.kind, PROJECT_KINDS, true);
  const businessLine = c.choice("businessLine", f.businessLine, BUSINESS_LINES, true);
  const stage = c.choice("stage", f.stage, STAGES, true);
  let region = c.choice("region", f.region, REGIONS, false);
  const country = f.countryCode.trim().toUpperCase();
  if (country && !KNOWN_COUNTRIES.includes(country)) errors.push({ code: "badCountry", field: "countryCode", params: { value: f.countryCode } });
  else if (country) {
    // The region follows from a known country; a sheet that says otherwise is wrong somewhere.
    const derived = regionOfCountry(country);
    if (region && derived && region !== derived) errors.push({ code: "regionMismatch", field: "region", params: { value: region, expected: derived } });
    region ??= derived;
  }
  const plannedStart = c.fuzzy("plannedStart", f.plannedStart, f.plannedStartPrecision);
  const plannedFinish = c.fuzzy("plannedFinish", f.plannedFinish, f.plannedFinishPrecision);
  const summary = c.text("summary", f.summary, { max: 4000, english: true, multiline: true });
  const summaryZh = c.text("summaryZh", f.summaryZh, { max: 4000, multiline: true });
  if (errors.length) return { row: r.row, key: key ?? f.key.trim(), errors, parsed: null };
  return {
    row: r.row,
    key: key!,
    errors,
    parsed: {
      row: r.row,
      key: key!,
      nameEn: nameEn!,
      nameZh,
      unit,
      kind: kind!,
      businessLine: businessLine!,
      stage: stage!,
      region: region ?? null,
      countryCode: country || null,
      plannedStart: plannedStart ?? null,
      plannedFinish: plannedFinish ?? null,
      summary: summary ?? "",
      summaryZh,
    },
  };
}

export function checkMilestoneRow(r: SheetRow): Checked<ParsedMilestone> {
  const f = rowFields<MilestoneField>(MILESTONE_COLUMNS, r.cells);
  const errors: ImportError[] = [];
  const c = collector(errors);
  const project = c.key("project", f.project);
  const key = c.key("key", f.key);
  const title = c.text("title", f.title, { max: 300, required: true, english: true });
  const titleZh = c.text("titleZh", f.titleZh, { max: 300 });
  const state = c.choice("state", f.state, MILESTONE_STATES, false);
  const baseline = c.fuzzy("baseline", f.baseline, f.baselinePrecision);
  const forecast = c.fuzzy("forecast", f.forecast, f.forecastPrecision);
  const actual = c.fuzzy("actual", f.actual, f.actualPrecision);
  if (state === "ACHIEVED" && actual === null) errors.push({ code: "needsActual", field: "actual" });
  const shownKey = `${project ?? f.project.trim()}/${key ?? f.key.trim()}`;
  if (errors.length) return { row: r.row, key: shownKey, errors, parsed: null };
  return {
    row: r.row,
    key: shownKey,
    errors,
    parsed: {
      row: r.row,
      project: project!,
      key: key!,
      title: title!,
      titleZh,
      state: state ?? "PLANNED",
      baseline: baseline ?? null,
      forecast: forecast ?? null,
      actual: actual ?? null,
    },
  };
}

/** The same key on two rows of a sheet: both rows are errors, each naming the other. */
export function markDuplicates(rows: readonly Checked<unknown>[], field = "key"): void {
  const seen = new Map<string, Checked<unknown>[]>();
  for (const r of rows) if (r.key) seen.set(r.key, [...(seen.get(r.key) ?? []), r]);
  for (const [key, list] of seen)
    if (list.length > 1)
      for (const r of list) {
        r.errors.push({ code: "duplicateKey", field, params: { value: key, rows: list.map((x) => x.row).join(", ") } });
        r.parsed = null;
      }
}
