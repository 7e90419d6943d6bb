import "server-only";
import type { Viewer } from "../auth/session";
import { applyKpiUpload, dryRunKpiUpload, kpiRowFromSheet, missingKpiColumns } from "../kpis/kpi-upload";
import { untranslated } from "../i18n/message";
import { failure, type MutationResult } from "../server/mutation";
import { applyCostUpload, dryRunCostUpload } from "./cost-upload";
import { readSheet } from "../sheets/sheet";
import { costRowFromSheet, missingCostColumns, type UploadError } from "./upload-rows";

export type SheetKind = "costs" | "kpis";
export interface SheetResult {
  rows: { row: number; errors: UploadError[]; action: "create" | "update" | "unchanged" | null }[];
  errorRows: number;
  counts: { create: number; update: number; unchanged: number };
}

const MAX_BYTES = 10 * 1024 * 1024;

/** An uploaded file → rows → the dry run or the apply. File-level problems are BAD_REQUEST with a message key. */
export async function runSheetUpload({
  viewer,
  kind,
  mode,
  file,
}: {
  viewer: Viewer | null;
  kind: SheetKind;
  mode: "check" | "apply";
  file: File | null;
}): Promise<MutationResult<SheetResult>> {
  // The upload form words these from details.key (its own catalog section); the API gets the key itself, as before.
  const bad = (key: string, columns?: string[]): MutationResult<SheetResult> => failure("BAD_REQUEST", untranslated(key), { details: { key, columns } });
  if (!viewer) return failure("UNAUTHENTICATED", "signInToChange");
  if (!file || file.size === 0) return bad("noFile");
  if (file.size > MAX_BYTES) return bad("fileTooLarge");
  const sheet = await readSheet({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if ("error" in sheet) return bad(sheet.error);
  const missing = kind === "costs" ? missingCostColumns(sheet.headers) : missingKpiColumns(sheet.headers);
  if (missing.length) return bad("missingColumns", missing);
  if (!sheet.rows.length) return bad("emptySheet");
  if (kind === "costs") {
    const input = { rows: sheet.rows.map(costRowFromSheet) };
    return mode === "check" ? dryRunCostUpload({ viewer, input }) : applyCostUpload({ viewer, input });
  }
  const input = { rows: sheet.rows.map(kpiRowFromSheet) };
  return mode === "check" ? dryRunKpiUpload({ viewer, input }) : applyKpiUpload({ viewer, input });
}
