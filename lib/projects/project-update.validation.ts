import { z } from "zod";
import type { ServerMessageKey } from "../i18n/message";
import { fuzzyDateSchema } from "../dates/fuzzy-date.validation";
import { HEALTHS, STAGES, type Health } from "./enums";
import { periodOf } from "../dates/fuzzy-date";
import { text } from "../validation/text";
import type { FuzzyDate } from "./types";

/**
 * A manager's status update of a project: the form and the server (action and
 * PATCH /api/projects/[slug]) validate with this one schema. Absent fields are
 * left as they are; `version` is the version the edit was based on.
 */
export const COMMENT_MAX = 2000;
export const NAME_MAX = 200;
export const SUMMARY_MAX = 4000;

/** An optional text in the other language: empty means "none" (null). */
const optionalText = (max: number, tooLong: ServerMessageKey, multiline = false) =>
  text({ max, tooLong, multiline })
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v));

export const projectUpdateSchema = z
  .object({
    version: z.number({ error: "version is required: the version your edit is based on" }).int().min(1),
    stage: z.enum(STAGES).optional(),
    health: z.enum(HEALTHS).optional(),
    progressPercent: z.number().int("progressWhole").min(0, "progressRange").max(100, "progressRange").nullable().optional(),
    forecastFinish: fuzzyDateSchema.nullable().optional(),
    // Bilingual content: the English name is required, the rest may be empty.
    nameEn: text({ max: NAME_MAX, tooLong: "atMost", required: true, requiredMessage: "nameEnRequired" }).optional(),
    nameZh: optionalText(NAME_MAX, "atMost"),
    summary: text({ max: SUMMARY_MAX, tooLong: "atMost", multiline: true }).optional(),
    summaryZh: optionalText(SUMMARY_MAX, "atMost", true),
    comment: text({ max: COMMENT_MAX, multiline: true }).default(""),
  })
  .strict();

export type ProjectUpdateInput = z.input<typeof projectUpdateSchema>;
export type ProjectUpdate = z.output<typeof projectUpdateSchema>;

const HEALTH_RANK: Record<Health, number | null> = { ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2, NOT_ASSESSED: null };

export function healthWorsens(before: Health, after: Health): boolean {
  const b = HEALTH_RANK[before];
  const a = HEALTH_RANK[after];
  return a !== null && (b === null ? a > 0 : a > b);
}

/** A forecast slips when its period now ends later than before. */
export function forecastSlips(before: FuzzyDate | null, after: FuzzyDate | null): boolean {
  if (!before || !after) return false;
  return periodOf(after).end > periodOf(before).end;
}

/** Why a comment is required for this change, or null. Used by the form and enforced by the server. */
export function commentRequiredReason(
  before: { health: Health; forecastFinish: FuzzyDate | null },
  update: Pick<ProjectUpdate, "health" | "forecastFinish">,
): "healthWorsens" | "forecastSlips" | null {
  if (update.health && healthWorsens(before.health, update.health)) return "healthWorsens";
  if (update.forecastFinish !== undefined && forecastSlips(before.forecastFinish, update.forecastFinish)) return "forecastSlips";
  return null;
}
