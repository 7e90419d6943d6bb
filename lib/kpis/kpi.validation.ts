import { z } from "zod";
import { periodSchema } from "../capex/capex.validation";

export const KPI_CATEGORIES = ["PRODUCTION", "SAFETY", "ESG"] as const;
export const KPI_DIRECTIONS = ["HIGHER_BETTER", "LOWER_BETTER"] as const;
export const KPI_AGGREGATIONS = ["SUM", "AVERAGE", "LAST", "RATIO"] as const;

export const KPI_VALUE_PATTERN = /^-?\d{1,15}(\.\d{1,4})?$/;
const value = z.string().trim().regex(KPI_VALUE_PATTERN, "kpiValueFormat");
const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "capexKeyFormat");
const version = z.number().int().min(1);

export const kpiActualSetSchema = z
  .object({ kpi: key, period: periodSchema, value, externalRef: z.string().trim().max(120).optional(), version: version.optional() })
  .strict();
export const kpiTargetSetSchema = z
  .object({
    kpi: key,
    series: z
      .string()
      .trim()
      .regex(/^[A-Z0-9_]{1,40}$/, "kpiSeriesFormat"),
    period: periodSchema,
    value,
    version: version.optional(),
  })
  .strict();
export const kpiCapacitySetSchema = z.object({ kpi: key, monthlyValue: value, version: version.optional() }).strict();

export const kpiDefinitionCreateSchema = z
  .object({
    key,
    nameEn: z.string().trim().min(1).max(120),
    nameZh: z.string().trim().min(1).max(120),
    unit: z.string().trim().min(1).max(30),
    category: z.enum(KPI_CATEGORIES),
    direction: z.enum(KPI_DIRECTIONS),
    aggregation: z.enum(KPI_AGGREGATIONS),
    numeratorKeys: z.array(key).max(10).default([]),
    denominatorKeys: z.array(key).max(10).default([]),
    scale: value.optional(),
  })
  .strict()
  .refine((d) => d.aggregation !== "RATIO" || (d.numeratorKeys.length > 0 && d.denominatorKeys.length > 0), {
    path: ["numeratorKeys"],
    message: "kpiRatioNeedsParts",
  });
