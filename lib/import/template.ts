import "server-only";
import ExcelJS from "exceljs";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { ROLES } from "../auth/permissions";
import { BUSINESS_LINES, DATE_PRECISIONS, MILESTONE_STATES, PROJECT_KINDS, REGIONS, STAGES } from "../projects/enums";
import { KNOWN_COUNTRIES } from "../projects/regions";
import { MILESTONE_COLUMNS, PROJECT_COLUMNS, SHEET_NAMES, USER_COLUMNS, type Column } from "./columns";

/**
 * The downloadable import templates, in English or Chinese headers: the data
 * sheets with one example row each, and an "Allowed values" sheet listing
 * every code a column accepts with its label in both languages.
 */
export type TemplateKind = "portfolio" | "users";
export type TemplateLang = "en" | "zh";

type Enums = typeof en.enums;
const label = (catalog: { enums: Enums }, group: keyof Enums, code: string) => (catalog.enums[group] as Record<string, string>)[code] ?? code;

function addSheet<F extends string>(wb: ExcelJS.Workbook, name: string, columns: readonly Column<F>[], lang: TemplateLang, example: Record<F, string>) {
  const ws = wb.addWorksheet(name);
  ws.addRow(columns.map((c) => c[lang]));
  ws.addRow(columns.map((c) => example[c.field] ?? ""));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.max(14, c[lang].length + 4)));
  // Dates and keys stay text: a spreadsheet would otherwise turn 2027-03 into a serial number.
  ws.columns.forEach((col) => (col.numFmt = "@"));
}

function allowedValues(wb: ExcelJS.Workbook, lang: TemplateLang, kind: TemplateKind) {
  const ws = wb.addWorksheet(SHEET_NAMES.allowed[lang]);
  ws.addRow(lang === "en" ? ["Column", "Value", "English", "Chinese"] : ["列", "值", "英文", "中文"]);
  ws.getRow(1).font = { bold: true };
  const add = (column: string, values: readonly string[], group?: keyof Enums) => {
    for (const v of values) ws.addRow([column, v, group ? label(en, group, v) : "", group ? label(zh, group, v) : ""]);
  };
  const head = (cols: readonly Column<string>[], field: string) => cols.find((c) => c.field === field)![lang];
  if (kind === "users") {
    for (const r of ROLES) ws.addRow([head(USER_COLUMNS, "role"), r, (en.roles as Record<string, string>)[r], (zh.roles as Record<string, string>)[r]]);
    ws.addRow([head(USER_COLUMNS, "unit"), lang === "en" ? "an organization unit's code (Admin → Organization)" : "组织单位代码（管理 → 组织）", "", ""]);
  } else {
    add(head(PROJECT_COLUMNS, "kind"), PROJECT_KINDS, "kind");
    add(head(PROJECT_COLUMNS, "businessLine"), BUSINESS_LINES, "businessLine");
    add(head(PROJECT_COLUMNS, "stage"), STAGES, "stage");
    add(head(PROJECT_COLUMNS, "region"), REGIONS, "region");
    add(head(PROJECT_COLUMNS, "plannedStartPrecision"), DATE_PRECISIONS, "precision");
    add(head(MILESTONE_COLUMNS, "state"), MILESTONE_STATES, "milestoneState");
    add(head(PROJECT_COLUMNS, "countryCode"), KNOWN_COUNTRIES);
    ws.addRow([head(PROJECT_COLUMNS, "unit"), lang === "en" ? "an organization unit's code (Admin → Organization)" : "组织单位代码（管理 → 组织）", "", ""]);
    ws.addRow([
      head(PROJECT_COLUMNS, "plannedStart"),
      "YYYY-MM-DD",
      lang === "en" ? "the first day of the period the precision names" : "按精度所指期间的第一天",
      "",
    ]);
  }
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 36;
  ws.getColumn(4).width = 24;
}

export async function importTemplate(kind: TemplateKind, lang: TemplateLang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (kind === "users")
    addSheet(wb, SHEET_NAMES.users[lang], USER_COLUMNS, lang, { email: "li.wei@example.com", name: "Li Wei", role: "manager", unit: "MMG" });
  else {
    addSheet(wb, SHEET_NAMES.projects[lang], PROJECT_COLUMNS, lang, {
      key: "example-copper-mine",
      nameEn: "Example Copper Mine",
      nameZh: "示例铜矿",
      unit: "MMG",
      kind: "OWNED_ASSET",
      businessLine: "BASE_METALS",
      stage: "FEASIBILITY",
      region: "",
      countryCode: "PE",
      plannedStart: "2027-01-01",
      plannedStartPrecision: "QUARTER",
      plannedFinish: "2030-01-01",
      plannedFinishPrecision: "YEAR",
      summary: "An open-pit copper mine.",
      summaryZh: "露天铜矿。",
    });
    addSheet(wb, SHEET_NAMES.milestones[lang], MILESTONE_COLUMNS, lang, {
      project: "example-copper-mine",
      key: "fid",
      title: "Final investment decision",
      titleZh: "最终投资决策",
      state: "PLANNED",
      baseline: "2027-06-01",
      baselinePrecision: "MONTH",
      forecast: "2027-09-01",
      forecastPrecision: "MONTH",
      actual: "",
      actualPrecision: "",
    });
  }
  allowedValues(wb, lang, kind);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
