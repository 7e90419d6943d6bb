import { z } from "zod";
import { text } from "../validation/text";
import type { ImportError } from "./portfolio-rows";

/**
 * What the import endpoint's dry run and apply answer, and the input their
 * mutations validate (the sheets, already read from the file).
 */
export type RowAction = "create" | "update" | "unchanged";
export type ImportSheet = "projects" | "milestones" | "users";

export interface RowPlan {
  sheet: ImportSheet;
  row: number;
  key: string;
  action: RowAction | null;
  errors: ImportError[];
  /** the fields an update changes */
  changes?: string[];
}

export interface ImportPlan {
  fileName: string;
  /** every row with an error, and the rows that create or change something (up to LISTED_ROWS) */
  rows: RowPlan[];
  /** rows that create or change something but are not listed */
  unlisted: number;
  errorRows: number;
  counts: Record<RowAction, number>;
}

export const LISTED_ROWS = 2_000;
export const MAX_PROJECT_ROWS = 10_000;
export const MAX_MILESTONE_ROWS = 100_000;
export const MAX_USER_ROWS = 5_000;

const sheetRow = z.object({ row: z.number().int().min(2), cells: z.record(z.string().max(100), z.string().max(5_000)) }).strict();
export const fileNameSchema = text({ max: 200, required: true, requiredMessage: "fileNeedsName" });

export const portfolioImportSchema = z
  .object({
    fileName: fileNameSchema,
    projects: z.array(sheetRow).max(MAX_PROJECT_ROWS, `At most ${MAX_PROJECT_ROWS} projects per file.`),
    milestones: z.array(sheetRow).max(MAX_MILESTONE_ROWS, `At most ${MAX_MILESTONE_ROWS} milestones per file.`),
  })
  .strict();

export const userImportSchema = z
  .object({ fileName: fileNameSchema, users: z.array(sheetRow).max(MAX_USER_ROWS, `At most ${MAX_USER_ROWS} users per file.`) })
  .strict();

/** Counts, and the listing: every error row, then the first changing rows. */
export function summarize(fileName: string, rows: RowPlan[]): ImportPlan {
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) if (r.action) counts[r.action] += 1;
  const errors = rows.filter((r) => r.errors.length);
  const changing = rows.filter((r) => !r.errors.length && (r.action === "create" || r.action === "update"));
  const listed = changing.slice(0, Math.max(0, LISTED_ROWS - Math.min(errors.length, LISTED_ROWS)));
  return { fileName, rows: [...errors, ...listed], unlisted: changing.length - listed.length, errorRows: errors.length, counts };
}

export function importComment(fileName: string, actorName: string): string {
  return `Imported from ${fileName} by ${actorName}`;
}
