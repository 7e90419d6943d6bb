import { z } from "zod";
import { isPeriodId } from "./periods";

const text = z.string().trim().max(4000, "atMost");

/** The narrative of a report: each field in English and Chinese. */
export const NARRATIVE_FIELDS = ["summary", "achievements", "nextSteps", "issues", "decisions"] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

export const narrativeSchema = z
  .object(
    Object.fromEntries(
      NARRATIVE_FIELDS.flatMap((f) => [
        [`${f}En`, text.default("")],
        [`${f}Zh`, text.default("")],
      ]),
    ) as Record<`${NarrativeField}${"En" | "Zh"}`, z.ZodDefault<typeof text>>,
  )
  .strict();
export type Narrative = z.infer<typeof narrativeSchema>;

export const periodIdSchema = z.string().refine(isPeriodId, "reportPeriodFormat");

export const createDraftSchema = z.object({ periodId: periodIdSchema }).strict();

export const saveNarrativeSchema = z.object({ version: z.number().int().min(1), narrative: narrativeSchema }).strict();

export const submitSchema = z.object({ version: z.number().int().min(1) }).strict();

export const returnSchema = z
  .object({ version: z.number().int().min(1), comment: z.string().trim().min(1, "reportReturnComment").max(2000, "atMost") })
  .strict();

export const publishSchema = z.object({ version: z.number().int().min(1) }).strict();

export const supersedeSchema = z.object({ reason: z.string().trim().min(1, "reportSupersedeReason").max(2000, "atMost") }).strict();

export function emptyNarrative(): Narrative {
  return narrativeSchema.parse({});
}
