import { normalizeColumns, isProjectColumn, type ProjectColumnId } from "../projects/columns";
import { parseListParamsStrict, type ProjectListParams } from "../projects/list-params";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportRequest =
  | { ok: true; format: ExportFormat; params: ProjectListParams; columns: ProjectColumnId[] | null }
  | { ok: false; message: string; fields: Record<string, string> };

/**
 * An export URL is the list's URL plus `format` and `columns` (the visible
 * columns in order, comma-separated; absent: the view's or the default ones).
 * The list's parameters are parsed strictly: an export never silently widens.
 */
export function parseExportRequest(search: URLSearchParams): ExportRequest {
  const rest = new URLSearchParams(search);
  const format = rest.get("format") ?? "csv";
  const columnsRaw = rest
    .getAll("columns")
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  rest.delete("format");
  rest.delete("columns");
  const fields: Record<string, string> = {};
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fields.format = `expected one of ${EXPORT_FORMATS.join(", ")}`;
  const unknown = columnsRaw.filter((c) => !isProjectColumn(c));
  if (unknown.length) fields.columns = `unknown column(s): ${unknown.join(", ")}`;
  const parsed = parseListParamsStrict(rest);
  if (!parsed.ok) Object.assign(fields, parsed.fields);
  if (Object.keys(fields).length || !parsed.ok)
    return {
      ok: false,
      message: `Invalid export parameters: ${Object.entries(fields)
        .map(([k, m]) => `${k} (${m})`)
        .join(", ")}`,
      fields,
    };
  return { ok: true, format: format as ExportFormat, params: parsed.params, columns: columnsRaw.length ? normalizeColumns(columnsRaw) : null };
}
