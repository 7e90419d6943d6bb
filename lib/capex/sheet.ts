import ExcelJS from "exceljs";

/**
 * Reads an uploaded XLSX (first sheet) or CSV into rows of trimmed strings keyed
 * by normalized header, each with its sheet row number (the header is row 1).
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

export async function readSheet(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<{ headers: string[]; rows: SheetRow[] } | { error: "unsupportedFile" | "unreadableFile" | "tooManyRows" }> {
  const lower = file.name.toLowerCase();
  let table: string[][];
  if (lower.endsWith(".csv")) table = parseCsv(new TextDecoder("utf-8").decode(file.bytes));
  else if (lower.endsWith(".xlsx")) {
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
      const ws = wb.worksheets[0];
      table = [];
      ws?.eachRow({ includeEmpty: true }, (r, n) => {
        const values: string[] = [];
        for (let c = 1; c <= ws.columnCount; c += 1) values.push(cellText(r.getCell(c).value));
        table[n - 1] = values;
      });
      for (let i = 0; i < table.length; i += 1) table[i] ??= [];
    } catch {
      return { error: "unreadableFile" };
    }
  } else return { error: "unsupportedFile" };
  if (table.length - 1 > MAX_UPLOAD_ROWS) return { error: "tooManyRows" };
  return toRows(table);
}
