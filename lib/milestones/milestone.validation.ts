import { z } from "zod";
import { fuzzyDateSchema } from "../dates/fuzzy-date.validation";
import { MILESTONE_STATES } from "../projects/enums";
import { COMMENT_MAX, forecastSlips } from "../projects/project-update.validation";
import type { MilestoneState } from "../projects/enums";
import type { FuzzyDate } from "../projects/types";
import { text } from "../validation/text";

/** Milestone forms and milestone API routes validate with these schemas. */
export const TITLE_MAX = 300;

const title = text({ max: TITLE_MAX, required: true, requiredMessage: "titleRequired" });
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
  .refine((m) => m.state !== "ACHIEVED" || !!m.actual, { path: ["actual"], message: "actualRequired" });

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
/** What a form sends (the schema's input type): forms are typed from it. */
export type MilestoneUpdateInput = z.input<typeof milestoneUpdateSchema>;

/** Why an edit needs a comment: a re-baseline needs its reason, a slipping forecast an explanation. */
export type MilestoneCommentReason = "rebaseline" | "forecastSlips";

/**
 * The rules of an edit that depend on the milestone as it stands, written once:
 * updateMilestone enforces them in its transaction, the form checks them before
 * sending (and labels the comment as required). `next` holds what the edit
 * changes (undefined: unchanged).
 */
export function milestoneEditRules(
  current: { state: MilestoneState; forecast: FuzzyDate | null; actual: FuzzyDate | null },
  next: { rebaseline: boolean; forecast?: FuzzyDate | null; state?: MilestoneState; actual?: FuzzyDate | null; comment: string },
): { commentReason: MilestoneCommentReason | null; commentMissing: boolean; actualMissing: boolean } {
  const commentReason = next.rebaseline ? "rebaseline" : next.forecast !== undefined && forecastSlips(current.forecast, next.forecast) ? "forecastSlips" : null;
  const state = next.state ?? current.state;
  const actual = next.actual !== undefined ? next.actual : current.actual;
  return { commentReason, commentMissing: !!commentReason && !next.comment.trim(), actualMissing: state === "ACHIEVED" && !actual };
}
