import { z } from "zod";
import { ACTION_STATUSES, ASSESSMENT_KINDS, RISK_CATEGORIES, RISK_KINDS, RISK_RESPONSES, RISK_STATUSES, responseFits } from "./enums";

/** Risk forms and risk API routes validate with these schemas. */
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const optionalText = (max: number) => text(max).nullable().optional();
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateFormat")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "notRealDate");
const userId = z.string().trim().min(1).max(100);

const riskFields = {
  titleEn: text(300).min(1, "titleRequired"),
  titleZh: optionalText(300),
  causeEn: text(2000).default(""),
  causeZh: optionalText(2000),
  eventEn: text(2000).default(""),
  eventZh: optionalText(2000),
  effectEn: text(2000).default(""),
  effectZh: optionalText(2000),
  kind: z.enum(RISK_KINDS).default("THREAT"),
  category: z.enum(RISK_CATEGORIES),
  ownerId: userId.nullable().optional(),
  status: z.enum(RISK_STATUSES).default("PROPOSED"),
  response: z.enum(RISK_RESPONSES).nullable().optional(),
  nextReviewOn: isoDay.nullable().optional(),
};

const responseMatchesKind = (r: { kind?: (typeof RISK_KINDS)[number]; response?: (typeof RISK_RESPONSES)[number] | null }) =>
  !r.kind || !r.response || responseFits(r.kind, r.response);
const RESPONSE_MESSAGE = {
  path: ["response"],
  message: "riskResponseKind",
};

export const riskCreateSchema = z
  .object({
    ...riskFields,
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "riskCodeFormat")
      .optional(),
  })
  .strict()
  .refine(responseMatchesKind, RESPONSE_MESSAGE);

export const riskUpdateSchema = z
  .object({
    version: z.number({ error: "version is required: the version your edit is based on" }).int().min(1),
    titleEn: riskFields.titleEn.optional(),
    titleZh: riskFields.titleZh,
    causeEn: text(2000).optional(),
    causeZh: riskFields.causeZh,
    eventEn: text(2000).optional(),
    eventZh: riskFields.eventZh,
    effectEn: text(2000).optional(),
    effectZh: riskFields.effectZh,
    kind: z.enum(RISK_KINDS).optional(),
    category: z.enum(RISK_CATEGORIES).optional(),
    ownerId: riskFields.ownerId,
    status: z.enum(RISK_STATUSES).optional(),
    response: riskFields.response,
    nextReviewOn: riskFields.nextReviewOn,
    /** when it occurred: what it caused */
    occurredNote: optionalText(2000),
    occurredLink: z
      .url({ protocol: /^https?$/, error: "httpLink" })
      .max(1000)
      .nullable()
      .optional(),
    occurredMilestoneId: z.uuid().nullable().optional(),
  })
  .strict()
  .refine(responseMatchesKind, RESPONSE_MESSAGE);

export const assessmentSchema = z
  .object({
    kind: z.enum(ASSESSMENT_KINDS),
    probability: z.number().int().min(1).max(99),
    /** { dimensionKey: level }; the server checks keys and levels against the risk's matrix */
    impacts: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), z.number().int().min(1).max(99)).refine((r) => Object.keys(r).length > 0, "scoreOneImpact"),
    note: text(2000).default(""),
  })
  .strict();

export const actionCreateSchema = z
  .object({
    title: text(300).min(1, "titleRequired"),
    titleZh: optionalText(300),
    ownerId: userId.nullable().optional(),
    dueOn: isoDay.nullable().optional(),
    status: z.enum(ACTION_STATUSES).default("OPEN"),
  })
  .strict();

export const actionUpdateSchema = z
  .object({
    version: z.number({ error: "version is required" }).int().min(1),
    title: text(300).min(1).optional(),
    titleZh: optionalText(300),
    ownerId: userId.nullable().optional(),
    dueOn: isoDay.nullable().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .strict();

export type RiskCreate = z.output<typeof riskCreateSchema>;
export type RiskUpdate = z.output<typeof riskUpdateSchema>;
export type AssessmentInput = z.output<typeof assessmentSchema>;
