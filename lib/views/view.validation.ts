import { z } from "zod";
import { DENSITIES, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, normalizeColumns, PROJECT_COLUMNS } from "../projects/columns";
import { GROUP_KEYS } from "../projects/list-params";
import { text, token } from "../validation/text";

/** Shared by the save-view form and the server (lib/views/views.ts). */
export const columnListSchema = z
  .array(z.enum(PROJECT_COLUMNS))
  .max(PROJECT_COLUMNS.length)
  .transform((c) => normalizeColumns(c));

export const columnWidthsSchema = z
  .partialRecord(z.enum(PROJECT_COLUMNS), z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH))
  .refine((r) => Object.keys(r).length <= PROJECT_COLUMNS.length);

export const viewInputSchema = z.object({
  name: text({ max: 120, tooLong: "atMost", required: true, requiredMessage: "giveViewName" }),
  /** the list's query string; normalized by the server (lib/views/views.ts canonicalViewQuery) */
  query: token({ max: 4000 }).default(""),
  columns: columnListSchema.default([]),
  columnWidths: columnWidthsSchema.optional(),
  groupBy: z.enum(GROUP_KEYS).nullable().optional(),
  density: z.enum(DENSITIES).nullable().optional(),
  shared: z.boolean().default(false),
});
export type ViewInput = z.input<typeof viewInputSchema>;

/**
 * An edit changes only the fields it names. Not viewInputSchema.partial():
 * that keeps the defaults, so renaming a view would reset its query, columns
 * and sharing.
 */
export const viewUpdateSchema = z.object({
  name: viewInputSchema.shape.name.optional(),
  query: token({ max: 4000 }).optional(),
  columns: columnListSchema.optional(),
  columnWidths: columnWidthsSchema.optional(),
  groupBy: z.enum(GROUP_KEYS).nullable().optional(),
  density: z.enum(DENSITIES).nullable().optional(),
  shared: z.boolean().optional(),
});
export type ViewUpdate = z.input<typeof viewUpdateSchema>;

export const defaultViewSchema = z.object({ viewId: z.uuid().nullable() });

export const preferencesSchema = z.object({
  columns: columnListSchema.optional(),
  columnWidths: columnWidthsSchema.nullable().optional(),
  density: z.enum(DENSITIES).nullable().optional(),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;
