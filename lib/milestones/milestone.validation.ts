import { z } from "zod";
import { fuzzyDateSchema } from "../dates/fuzzy-date.validation";
import { MILESTONE_STATES } from "../projects/enums";
import { COMMENT_MAX } from "../projects/project-update.validation";
import { text } from "../validation/text";

/** Milestone forms and milestone API routes validate with these schemas. */
export const TITLE_MAX = 300;

const title = text({ max: TITLE_MAX, required: true, requiredMessage: "A title is required." });
const titleZh = text({ max: TITLE_MAX });
const comment = text({ max: COMMENT_MAX, multiline: true }).default("");

export const milestoneCreateSchema = z
  .object({
    title,
    titleZh: titleZh.nullable().optional(),
    baseline: fuzzyDateSchema.nullable().optional(),
    forecast: fuzzyDateSchema.nullable().optional(),
    actual: fuzzyDateSchema.nullable().optional(),
    state: z.enum(MILESTONE_STATES).default("PLANNED"),
    comment,
  })
  .strict()
  .refine((m) => m.state !== "ACHIEVED" || !!m.actual, { path: ["actual"], message: "An achieved milestone needs its actual date." });

/**
 * An edit of a milestone. Changing `baseline` is a re-baseline: admins only,
 * and `comment` (the reason) is required.
 */
export const milestoneUpdateSchema = z
  .object({
    version: z.number({ error: "version is required: the version your edit is based on" }).int().min(1),
    title: title.optional(),
    titleZh: titleZh.nullable().optional(),
    baseline: fuzzyDateSchema.nullable().optional(),
    forecast: fuzzyDateSchema.nullable().optional(),
    actual: fuzzyDateSchema.nullable().optional(),
    state: z.enum(MILESTONE_STATES).optional(),
    comment,
  })
  .strict();

export type MilestoneCreate = z.output<typeof milestoneCreateSchema>;
export type MilestoneUpdate = z.output<typeof milestoneUpdateSchema>;
