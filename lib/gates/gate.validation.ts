import { z } from "zod";
import { isoDay } from "../risks/risk.validation";

/** Gate forms and gate API routes validate with these schemas. */
export const GATE_DECISIONS = ["GO", "GO_WITH_CONDITIONS", "HOLD", "RECYCLE", "STOP"] as const;
export const APPROVAL_RULES = ["ANY", "ALL"] as const;
export const CONDITION_STATUSES = ["OPEN", "MET", "WAIVED"] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];
export type ApprovalRule = (typeof APPROVAL_RULES)[number];
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];
export const isGo = (d: GateDecision | null | undefined) => d === "GO" || d === "GO_WITH_CONDITIONS";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const ref = text(200).nullable().optional();
const userId = z.string().trim().min(1).max(100);

export const setProcessSchema = z.object({ processKey: z.string().trim().min(1).max(60) }).strict();

export const reviewCreateSchema = z
  .object({
    gateKey: z.string().trim().min(1).max(60),
    plannedOn: isoDay.nullable().optional(),
    approvalRule: z.enum(APPROVAL_RULES).default("ALL"),
    approverIds: z.array(userId).max(20).default([]),
    /** a re-decision: the earlier (decided) review this one revisits */
    supersedesId: z.uuid().nullable().optional(),
  })
  .strict()
  .refine((r) => new Set(r.approverIds).size === r.approverIds.length, { path: ["approverIds"], message: "approverOnce" });

/** Money as a decimal string (never a float) with its ISO 4217 currency: both or neither. */
export const capexAmount = z
  .string()
  .trim()
  .regex(/^\d{1,18}(\.\d{1,2})?$/, "gateAmountFormat");
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, "currencyCode");

export const reviewUpdateSchema = z
  .object({
    version: z.number({ error: "version is required" }).int().min(1),
    plannedOn: isoDay.nullable().optional(),
    heldOn: isoDay.nullable().optional(),
    approvalRule: z.enum(APPROVAL_RULES).optional(),
    approverIds: z.array(userId).max(20).optional(),
    rationaleEn: text(4000).optional(),
    rationaleZh: text(4000).nullable().optional(),
    approvedCapexAmount: capexAmount.nullable().optional(),
    approvedCapexCurrency: currencyCode.nullable().optional(),
    boardResolutionRef: ref,
    filingRef: ref,
  })
  .strict()
  .refine(
    (r) =>
      (r.approvedCapexAmount === undefined) === (r.approvedCapexCurrency === undefined) &&
      (r.approvedCapexAmount === null) === (r.approvedCapexCurrency === null),
    {
      path: ["approvedCapexCurrency"],
      message: "amountNeedsCurrency",
    },
  );

export const conditionCreateSchema = z
  .object({
    textEn: text(2000).min(1, "describeCondition"),
    textZh: text(2000).nullable().optional(),
    ownerId: userId.nullable().optional(),
    dueOn: isoDay,
  })
  .strict();

export const conditionUpdateSchema = z.object({ version: z.number().int().min(1), status: z.enum(CONDITION_STATUSES) }).strict();

export const approverResponseSchema = z
  .object({ response: z.enum(["APPROVED", "REJECTED"]), reason: text(2000).optional() })
  .strict()
  .refine((r) => r.response !== "REJECTED" || !!r.reason, { path: ["reason"], message: "rejectionNeedsReason" });

export const decideSchema = z
  .object({
    version: z.number({ error: "version is required" }).int().min(1),
    decision: z.enum(GATE_DECISIONS),
    rationaleEn: text(4000).min(1, "giveRationale"),
    rationaleZh: text(4000).nullable().optional(),
    heldOn: isoDay,
  })
  .strict();
