import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { untranslated } from "../i18n/message";
import { failure, type MutationResult } from "../server/mutation";
import { readWorkbook, type Sheet } from "../sheets/sheet";
import { missingColumns, MILESTONE_COLUMNS, PROJECT_COLUMNS, sheetKind, USER_COLUMNS } from "./columns";
import { MAX_MILESTONE_ROWS, type ImportPlan } from "./import-plan";
import { applyPortfolioImport, dryRunPortfolioImport } from "./portfolio-import";
import { applyUserImport, dryRunUserImport } from "./user-import";

/**
 * An uploaded file → its sheets → the dry run or the apply. File-level
 * problems are BAD_REQUEST with a key (import.file.*) in details; nothing is
 * written for them. Formulas are refused, never evaluated and never taken
 * from their cached values (docs/decisions/0062-bulk-import-write-path.md).
 */
export type ImportKind = "portfolio" | "users";
export type ImportMode = "check" | "apply";

/** The largest file accepted; the route stops reading the body there (413). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type FileProblem =
  "noFile" | "unsupportedFile" | "unreadableFile" | "tooManyRows" | "inflatesTooLarge" | "formulas" | "noSheet" | "missingColumns" | "emptySheet";

const MESSAGES: Record<FileProblem, string> = {
  noFile: "Choose a file to upload.",
  unsupportedFile: "Upload an .xlsx or .csv file.",
  unreadableFile: "The file is not a spreadsheet that can be read (an .xlsx workbook or a UTF-8 .csv).",
  tooManyRows: "A sheet has more rows than an import takes (empty rows count too): delete the rows below your data.",
  inflatesTooLarge: "The workbook unpacks to more than an import takes: it may be damaged, or built to exhaust the server.",
  formulas: "The file holds formulas: an import takes values only. Paste the cells as values and upload again.",
  noSheet: "The file has no sheet the import knows (Projects, Milestones or Users, as in the template).",
  missingColumns: "A sheet lacks required columns: start from the template.",
  emptySheet: "The file has no data rows.",
};

function problem(key: FileProblem, extra: Record<string, unknown> = {}): MutationResult<ImportPlan> {
  return failure("BAD_REQUEST", untranslated(MESSAGES[key]), { details: { key, ...extra } });
}

export async function runImport({
  viewer,
  kind,
  mode,
  fileName,
  bytes,
}: {
  viewer: Viewer | null;
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  bytes: Uint8Array;
}): Promise<MutationResult<ImportPlan>> {
  if (!viewer) return failure("UNAUTHENTICATED", "signInToChange");
  // The file is not even read for someone who may not import (the mutations check again, in their transaction).
  if (!can(viewer, kind === "users" ? "user:manage" : "portfolio:import")) return failure("FORBIDDEN", "roleNoChange");
  if (!bytes.length) return problem("noFile");
  const book = await readWorkbook({ name: fileName, bytes }, { maxRows: MAX_MILESTONE_ROWS, formulas: "refuse" });
  if ("error" in book) return problem(book.error, book.cells ? { cells: book.cells } : {});
  const sheets = new Map<string, Sheet>();
  for (const s of book.sheets) {
    const k = sheetKind(s.name, s.headers);
    if (k && k !== "allowed" && !sheets.has(k)) sheets.set(k, s);
  }
  if (kind === "users") {
    const users = sheets.get("users");
    if (!users) return problem("noSheet");
    const missing = missingColumns(USER_COLUMNS, users.headers);
    if (missing.length) return problem("missingColumns", { sheet: "users", columns: missing });
    if (!users.rows.length) return problem("emptySheet");
    const input = { fileName, users: users.rows };
    return mode === "check" ? dryRunUserImport({ viewer, input }) : applyUserImport({ viewer, input });
  }
  const projects = sheets.get("projects");
  const milestones = sheets.get("milestones");
  if (!projects && !milestones) return problem("noSheet");
  for (const [name, sheet, columns] of [
    ["projects", projects, PROJECT_COLUMNS],
    ["milestones", milestones, MILESTONE_COLUMNS],
  ] as const) {
    const missing = sheet ? missingColumns<string>(columns, sheet.headers) : [];
    if (missing.length) return problem("missingColumns", { sheet: name, columns: missing });
  }
  if (!projects?.rows.length && !milestones?.rows.length) return problem("emptySheet");
  const input = { fileName, projects: projects?.rows ?? [], milestones: milestones?.rows ?? [] };
  return mode === "check" ? dryRunPortfolioImport({ viewer, input }) : applyPortfolioImport({ viewer, input });
}
