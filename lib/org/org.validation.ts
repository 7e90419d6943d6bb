import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { UNIT_CODE } from "./org-path";

/** Organization forms and the org server actions validate with these schemas. */
export const UNIT_NAME_MAX = 200;
export const REASON_MAX = 2000;

const code = z.string().trim().toUpperCase().regex(UNIT_CODE, "unitCodeFormat");
const nameEn = z.string().trim().min(1, "nameEnRequired").max(UNIT_NAME_MAX, `At most ${UNIT_NAME_MAX} characters.`);
const nameZh = z
  .string()
  .trim()
  .max(UNIT_NAME_MAX, `At most ${UNIT_NAME_MAX} characters.`)
  .transform((v) => v || null)
  .nullable()
  .optional();
const reason = z.string().trim().max(REASON_MAX, `At most ${REASON_MAX} characters.`).default("");
const version = z.number({ error: "version is required: the version your change is based on" }).int().min(1);

export const createUnitSchema = z
  .object({
    parentCode: code,
    code,
    nameEn,
    nameZh,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "currencyCode")
      .default("CNY"),
    reason,
  })
  .strict();

export const renameUnitSchema = z.object({ code, version, nameEn, nameZh, reason }).strict();

export const moveUnitSchema = z.object({ code, version, parentCode: code, reason }).strict();

export const archiveUnitSchema = z.object({ code, version, archived: z.boolean(), reason }).strict();

export const moveProjectsSchema = z
  .object({
    slugs: z.array(z.string().trim().min(1).max(120)).min(1, "chooseProject").max(500),
    toCode: code,
    reason,
  })
  .strict();

export const roleAssignmentSchema = z
  .object({
    userId: z.string().min(1).max(100),
    unitCode: code,
    role: z.enum(ROLES),
    assigned: z.boolean(),
    reason,
  })
  .strict();

export type CreateUnitInput = z.infer<typeof createUnitSchema>;
