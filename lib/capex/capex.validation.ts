import { z } from "zod";
import { CURRENCY_PATTERN, parsePeriod } from "./money";

/** Capex forms, API routes and the upload validate with these schemas. */
export const BUDGET_KINDS = ["ORIGINAL", "REVISION", "ANNUAL_PLAN"] as const;
export const COST_MEASURES = ["COMMITTED", "ACTUAL", "FORECAST"] as const;
/** Measures an upload row may carry: BUDGET rows go into the project's draft budget version. */
export const UPLOAD_MEASURES = ["BUDGET", ...COST_MEASURES] as const;

/** At most 16 digits before the point and 2 after: Decimal(18,2). */
export const AMOUNT_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

export const currencySchema = z.string().trim().toUpperCase().regex(CURRENCY_PATTERN, "capexCurrencyFormat");
export const periodSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const p = parsePeriod(v);
    if (!p) ctx.addIssue({ code: "custom", message: "capexPeriodFormat" });
    return p ?? "";
  });
export const amountSchema = z.string().trim().regex(AMOUNT_PATTERN, "capexAmountFormat");
const version = z.number({ error: "version is required: the version your edit is based on" }).int().min(1);
const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "capexKeyFormat");
const externalRef = z.string().trim().min(1, "capexExternalRefRequired").max(120);

export const budgetVersionCreateSchema = z
  .object({
    kind: z.enum(BUDGET_KINDS),
    label: z.string().trim().min(1, "capexLabelRequired").max(200),
    /** start from the lines of the current approved version */
    copyCurrent: z.boolean().default(false),
  })
  .strict();

export const budgetLineSetSchema = z
  .object({
    /** the version of the budget version this edit is based on */
    version,
    category: key,
    period: periodSchema,
    amount: amountSchema,
    rateSet: z.string().trim().max(120).optional(),
  })
  .strict();

export const budgetApproveSchema = z.object({ version }).strict();

export const costLineSetSchema = z
  .object({
    externalRef,
    category: key,
    measure: z.enum(COST_MEASURES),
    period: periodSchema,
    amount: amountSchema,
    currency: currencySchema,
    rateSet: z.string().trim().max(120).optional(),
    /** required when the line exists: the version the edit is based on */
    version: version.optional(),
  })
  .strict();

export const projectCurrencySchema = z.object({ currency: currencySchema, version }).strict();

const rate = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,10})?$/, "capexRateFormat");
export const rateSetCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    effectiveFrom: periodSchema,
    rates: z
      .array(z.object({ currency: currencySchema, toCny: rate, toUsd: rate }).strict())
      .min(1)
      .max(200),
  })
  .strict();

export const costCategoryCreateSchema = z
  .object({ key, nameEn: z.string().trim().min(1).max(120), nameZh: z.string().trim().min(1).max(120), parent: key.optional() })
  .strict();

export type CostLineSet = z.output<typeof costLineSetSchema>;
