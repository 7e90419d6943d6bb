import ExcelJS from "exceljs";
import { checkZip } from "./zip-guard";

/**
 * Reads an uploaded XLSX or CSV into rows of trimmed strings keyed by
 * normalized header, sheet by sheet (shared by the cost, KPI and portfolio
 * uploads), each with its sheet row number (the header is row 1).
 * Numbers from XLSX cells are read at 15 significant digits (what a spreadsheet
 * shows) so that a binary float never reaches a money column; dates become
 * "YYYY-MM-DD".
 */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export const MAX_UPLOAD_ROWS = 20_000;

export function normalizeHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number(value.toPrecision(15)).toString();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i += 1) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i += 1;
      row.push(field);
      out.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function toRows(table: string[][]): { headers: string[]; rows: SheetRow[] } {
  const [header = [], ...body] = table;
  const headers = header.map(normalizeHeader);
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    rows.push({ row: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, (cells[j] ?? "").trim()])) });
  });
  return { headers, rows };
}

export type SheetError = "unsupportedFile" | "unreadableFile" | "tooManyRows" | "inflatesTooLarge" | "formulas";

export interface Sheet {
  name: string;
  headers: string[];
  rows: SheetRow[];
}

export interface ReadOptions {
  /** rows per sheet, empty ones included (a sheet of 100,000 blank formatted rows is refused, not walked) */
  maxRows?: number;
  /**
   * A formula cell: "cached" takes the value the spreadsheet saved with it;
   * "refuse" lists the cells as an error. Formulas are never evaluated.
   */
  formulas?: "cached" | "refuse";
}

export type WorkbookResult = { sheets: Sheet[] } | { error: SheetError; cells?: string[] };

/**
 * Every sheet of an XLSX (a CSV is one sheet named after the file). The zip is
 * checked before exceljs inflates it (lib/sheets/zip-guard.ts).
 */
export async function readWorkbook(
  file: { name: string; bytes: Uint8Array },
  { maxRows = MAX_UPLOAD_ROWS, formulas = "cached" }: ReadOptions = {},
): Promise<WorkbookResult> {
  const lower = file.name.toLowerCase();
  const tables: { name: string; table: string[][] }[] = [];
  if (lower.endsWith(".csv")) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      return { error: "unreadableFile" };
    }
    tables.push({ name: file.name, table: parseCsv(text) });
  } else if (lower.endsWith(".xlsx")) {
    const zip = checkZip(file.bytes);
    if (!zip.ok) return { error: zip.reason === "tooLarge" ? "inflatesTooLarge" : "unreadableFile" };
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    } catch {
      return { error: "unreadableFile" };
    }
    // A zip that is not a workbook loads as one without sheets.
    if (!wb.worksheets.length) return { error: "unreadableFile" };
    const formulaCells: string[] = [];
    for (const ws of wb.worksheets) {
      if (ws.rowCount - 1 > maxRows) return { error: "tooManyRows" };
      const table: string[][] = [];
      // columnCount walks every row: read it once, not once per row (that made 50,000 rows quadratic).
      const columns = ws.columnCount;
      ws.eachRow({ includeEmpty: true }, (r, n) => {
        const values: string[] = [];
        for (let c = 1; c <= columns; c += 1) {
          const cell = r.getCell(c);
          if (formulas === "refuse" && isFormula(cell.value)) formulaCells.push(`${ws.name}!${cell.address}`);
          values.push(cellText(cell.value));
        }
        table[n - 1] = values;
      });
      for (let i = 0; i < table.length; i += 1) table[i] ??= [];
      tables.push({ name: ws.name, table });
    }
    if (formulaCells.length) return { error: "formulas", cells: formulaCells.slice(0, 20) };
  } else return { error: "unsupportedFile" };
  if (tables.some((t) => t.table.length - 1 > maxRows)) return { error: "tooManyRows" };
  return { sheets: tables.map((t) => ({ name: t.name, ...toRows(t.table) })) };
}

function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === "object" && value !== null && !(value instanceof Date) && ("formula" in value || "sharedFormula" in value);
}

/** The first sheet, as the cost and KPI uploads read it (formulas: their cached values). */
export async function readSheet(file: { name: string; bytes: Uint8Array }): Promise<{ headers: string[]; rows: SheetRow[] } | { error: SheetError }> {
  const book = await readWorkbook(file);
  if ("error" in book) return { error: book.error };
  const [first] = book.sheets;
  return first ? { headers: first.headers, rows: first.rows } : { headers: [], rows: [] };
}
