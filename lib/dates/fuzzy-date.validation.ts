import { z } from "zod";
import { DATE_PRECISIONS } from "../projects/enums";

/** A real calendar date (2024-02-30 is refused), as YYYY-MM-DD. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "dateNotExist")
  .refine((s) => s >= "1900-01-01" && s <= "2200-12-31", "dateRange");

/** A date known to a precision; normalized to the first day of its period by the server. */
export const fuzzyDateSchema = z.object({ date: isoDaySchema, precision: z.enum(DATE_PRECISIONS) }).strict();
