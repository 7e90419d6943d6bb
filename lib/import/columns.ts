import { normalizeHeader } from "../sheets/sheet";

/**
 * The import's sheets and columns, with their headers in both template
 * languages: a sheet filled in from either template (or with the field names
 * themselves as headers) is read the same way.
 */
export interface Column<F extends string> {
  field: F;
  en: string;
  zh: string;
  required?: boolean;
}

export const PROJECT_COLUMNS = [
  { field: "key", en: "Key", zh: "项目键", required: true },
  { field: "nameEn", en: "Name (English)", zh: "英文名称", required: true },
  { field: "nameZh", en: "Name (Chinese)", zh: "中文名称" },
  { field: "unit", en: "Unit", zh: "所属单位", required: true },
  { field: "kind", en: "Kind", zh: "类型", required: true },
  { field: "businessLine", en: "Business line", zh: "业务板块", required: true },
  { field: "stage", en: "Stage", zh: "阶段", required: true },
  { field: "region", en: "Region", zh: "区域" },
  { field: "countryCode", en: "Country", zh: "国家" },
  { field: "plannedStart", en: "Planned start", zh: "计划开始" },
  { field: "plannedStartPrecision", en: "Planned start precision", zh: "计划开始精度" },
  { field: "plannedFinish", en: "Planned finish", zh: "计划完成" },
  { field: "plannedFinishPrecision", en: "Planned finish precision", zh: "计划完成精度" },
  { field: "summary", en: "Summary (English)", zh: "英文摘要" },
  { field: "summaryZh", en: "Summary (Chinese)", zh: "中文摘要" },
] as const satisfies readonly Column<string>[];

export const MILESTONE_COLUMNS = [
  { field: "project", en: "Project key", zh: "项目键", required: true },
  { field: "key", en: "Milestone key", zh: "里程碑键", required: true },
  { field: "title", en: "Title (English)", zh: "英文标题", required: true },
  { field: "titleZh", en: "Title (Chinese)", zh: "中文标题" },
  { field: "state", en: "State", zh: "状态" },
  { field: "baseline", en: "Baseline", zh: "基线日期" },
  { field: "baselinePrecision", en: "Baseline precision", zh: "基线精度" },
  { field: "forecast", en: "Forecast", zh: "预测日期" },
  { field: "forecastPrecision", en: "Forecast precision", zh: "预测精度" },
  { field: "actual", en: "Actual", zh: "实际日期" },
  { field: "actualPrecision", en: "Actual precision", zh: "实际精度" },
] as const satisfies readonly Column<string>[];

export const USER_COLUMNS = [
  { field: "email", en: "Email", zh: "电子邮件", required: true },
  { field: "name", en: "Name", zh: "姓名", required: true },
  { field: "role", en: "Role", zh: "角色", required: true },
  { field: "unit", en: "Unit", zh: "所属单位", required: true },
] as const satisfies readonly Column<string>[];

export type ProjectField = (typeof PROJECT_COLUMNS)[number]["field"];
export type MilestoneField = (typeof MILESTONE_COLUMNS)[number]["field"];
export type UserField = (typeof USER_COLUMNS)[number]["field"];

export const SHEET_NAMES = {
  projects: { en: "Projects", zh: "项目" },
  milestones: { en: "Milestones", zh: "里程碑" },
  users: { en: "Users", zh: "用户" },
  allowed: { en: "Allowed values", zh: "允许值" },
} as const;

/** Header (normalized) → field, from both languages' headers and the field names. */
const maps = new WeakMap<readonly Column<string>[], Map<string, string>>();
export function headerMap<F extends string>(columns: readonly Column<F>[]): Map<string, F> {
  let m = maps.get(columns);
  if (!m) {
    m = new Map();
    for (const c of columns) for (const h of [c.field, c.en, c.zh]) m.set(normalizeHeader(h), c.field);
    maps.set(columns, m);
  }
  return m as Map<string, F>;
}

/** The required columns a sheet's headers lack, by field name. */
export function missingColumns<F extends string>(columns: readonly Column<F>[], headers: readonly string[]): F[] {
  const map = headerMap(columns);
  const have = new Set(headers.map((h) => map.get(h)).filter(Boolean));
  return columns.filter((c) => c.required && !have.has(c.field)).map((c) => c.field);
}

/** A sheet row as fields; unknown headers are ignored. */
export function rowFields<F extends string>(columns: readonly Column<F>[], cells: Record<string, string>): Record<F, string> {
  const map = headerMap(columns);
  const out = Object.fromEntries(columns.map((c) => [c.field, ""])) as Record<F, string>;
  for (const [h, v] of Object.entries(cells)) {
    const f = map.get(h);
    if (f && !out[f]) out[f] = v;
  }
  return out;
}

/** Which sheet of a workbook is which, by name in either language (a CSV: by its columns). */
export function sheetKind(name: string, headers: readonly string[]): keyof typeof SHEET_NAMES | null {
  const n = normalizeHeader(name.replace(/\.csv$/i, ""));
  for (const [kind, names] of Object.entries(SHEET_NAMES))
    if (n === normalizeHeader(names.en) || n === normalizeHeader(names.zh)) return kind as keyof typeof SHEET_NAMES;
  const milestoneKey = headerMap(MILESTONE_COLUMNS);
  if (headers.some((h) => milestoneKey.get(h) === "title")) return "milestones";
  if (headers.some((h) => headerMap(USER_COLUMNS).get(h) === "email")) return "users";
  if (headers.some((h) => headerMap(PROJECT_COLUMNS).get(h) === "nameEn")) return "projects";
  return null;
}
