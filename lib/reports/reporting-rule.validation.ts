import { z } from "zod";
import { UNIT_CODE } from "../org/org-path";

/** A unit's code, or "" for the group default. */
const unit = z.union([z.literal(""), z.string().regex(UNIT_CODE, "Choose a unit.")]);
const days = (max: number, message: string) => z.coerce.number({ message }).int(message).min(0, message).max(max, message);

/** The reporting rule form and its server check (the same schema). */
export const reportingRuleSetSchema = z
  .object({
    unit,
    /** the report for month M is due on this day of month M+1 (28 at most: every month has it) */
    dueDay: z.coerce.number({ message: "A day from 1 to 28." }).int("A day from 1 to 28.").min(1, "A day from 1 to 28.").max(28, "A day from 1 to 28."),
    remindDaysBefore: days(27, "From 0 to 27 days."),
    pmoGraceDays: days(60, "From 0 to 60 days."),
    groupGraceDays: days(90, "From 0 to 90 days."),
    /** the rule's version the admin saw; 0: the unit had no rule of its own */
    version: z.coerce.number().int().min(0),
    reason: z.string().trim().max(500).default(""),
  })
  .strict()
  .refine((v) => v.groupGraceDays >= v.pmoGraceDays, { path: ["groupGraceDays"], message: "The group is told after the PMO: at least the PMO's grace days." });

export const reportingRuleClearSchema = z
  .object({ unit: z.string().regex(UNIT_CODE, "Choose a unit."), version: z.coerce.number().int().min(1), reason: z.string().trim().max(500).default("") })
  .strict();

export type ReportingRuleSetInput = z.infer<typeof reportingRuleSetSchema>;
