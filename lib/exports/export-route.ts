import "server-only";
import type { Viewer } from "../auth/session";
import { can } from "../auth/permissions";
import { readScopeOf } from "../projects/project-scope";
import type { ErrorCode } from "../errors";
import { DEFAULT_COLUMNS } from "../projects/columns";
import { getPreferences, getView } from "../views/views";
import { getExportLabels } from "./export-labels";
import { exportFileName, exportProjectsCsv, exportProjectsXlsx, selectExportIds } from "./export-projects";
import { acquireExportSlot, EXPORT_RETRY_AFTER_SECONDS, releasingWhenDone } from "./export-slots";
import { parseExportRequest } from "./export-request";

const CONTENT_TYPE = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

type ExportResult =
  { ok: true; response: Response } | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string>; retryAfterSeconds?: number };

/**
 * An export of exactly the current view: the list's filters and sort from the
 * URL, the visible columns from `columns` (else the open view's, else the
 * reader's own choice). Reading rules apply (the caller asserted them); a
 * signed-in user also needs project:export.
 */
export async function exportProjects(opts: { viewer: Viewer | null; search: URLSearchParams; client: string }): Promise<ExportResult> {
  if (opts.viewer && !can(opts.viewer, "project:export")) return { ok: false, code: "FORBIDDEN", message: "Your role does not allow exports." };
  const parsed = parseExportRequest(opts.search);
  if (!parsed.ok) return { ok: false, code: "BAD_REQUEST", message: parsed.message, fields: parsed.fields };
  let columns = parsed.columns;
  if (!columns && parsed.params.view && parsed.params.view !== "none")
    columns = (await getView({ viewer: opts.viewer, id: parsed.params.view }))?.columns ?? null;
  columns ??= opts.viewer ? (await getPreferences({ viewer: opts.viewer })).columns : DEFAULT_COLUMNS;
  const release = acquireExportSlot(opts.viewer ? `user:${opts.viewer.id}` : `address:${opts.client}`);
  if (!release)
    return {
      ok: false,
      code: "TOO_MANY_REQUESTS",
      message: "Too many exports are running. Try again in a few seconds.",
      retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS,
    };
  let body: ReadableStream<Uint8Array>;
  try {
    const labels = await getExportLabels();
    // The query that can fail runs before the response starts: a failure is an error answer, not a truncated 200.
    const where = { scope: readScopeOf(opts.viewer), managerId: opts.viewer?.id ?? null };
    const ids = await selectExportIds({ params: parsed.params, where, labels });
    const options = { params: parsed.params, columns, labels, where, ids };
    body = releasingWhenDone(parsed.format === "csv" ? exportProjectsCsv(options) : exportProjectsXlsx(options), release);
  } catch (err) {
    release();
    throw err;
  }
  return {
    ok: true,
    response: new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPE[parsed.format],
        "Content-Disposition": `attachment; filename="${exportFileName(parsed.format)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    }),
  };
}
