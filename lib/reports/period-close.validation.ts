import { z } from "zod";
import { periodIdSchema } from "./report.validation";

/** Closing a period: the month, and the admin's confirmation that the pack is final. */
export const closePeriodSchema = z.object({ periodId: periodIdSchema }).strict();
export type ClosePeriodInput = z.infer<typeof closePeriodSchema>;
