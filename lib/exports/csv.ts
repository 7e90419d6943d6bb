/**
 * CSV as Excel and RFC 4180 read it: fields quoted when they hold a comma,
 * quote or line break, quotes doubled, CRLF line ends. The file starts with a
 * UTF-8 byte order mark, without which Excel shows Chinese names as mojibake.
 */
export const UTF8_BOM = "\uFEFF";

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return that some spreadsheets strip first) is prefixed with a quote,
 * so an exported project name can never execute (CWE-1236).
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
