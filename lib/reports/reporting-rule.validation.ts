import { z } from "zod";
import { schemaMessage } from "../i18n/message";
import { UNIT_CODE } from "../org/org-path";

/** A unit's code, or "" for the group default. */
const unit = z.union([z.literal(""), z.string().regex(UNIT_CODE, "chooseUnit")]);
const days = (max: number) => {
  const message = schemaMessage("daysRange", { max });
  return z.coerce.number({ message }).int(message).min(0, message).max(max, message);
};

/** The reporting rule form and its server check (the same schema). */
export const reportingRuleSetSchema = z
  .object({
    unit,
    /** the report for month M is due on this day of month M+1 (28 at most: every month has it) */
    dueDay: z.coerce.number({ message: "dayOneTo28" }).int("dayOneTo28").min(1, "dayOneTo28").max(28, "dayOneTo28"),
    remindDaysBefore: days(27),
    pmoGraceDays: days(60),
    groupGraceDays: days(90),
    /** the rule's version the admin saw; 0: the unit had no rule of its own */
    version: z.coerce.number().int().min(0),
    reason: z.string().trim().max(500).default(""),
  })
  .strict()
  .refine((v) => v.groupGraceDays >= v.pmoGraceDays, { path: ["groupGraceDays"], message: "groupAfterPmo" });

export const reportingRuleClearSchema = z
  .object({ unit: z.string().regex(UNIT_CODE, "chooseUnit"), version: z.coerce.number().int().min(1), reason: z.string().trim().max(500).default("") })
  .strict();

export type ReportingRuleSetInput = z.infer<typeof reportingRuleSetSchema>;
