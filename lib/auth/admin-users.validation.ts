import { z } from "zod";
import { text, token } from "../validation/text";
import { ROLES } from "./permissions";

const userId = token({ min: 1, max: 100 });

/** The shortest password the app accepts anywhere (sign-up is off; admins set and reset passwords). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

const reason = text({ max: 2000, multiline: true }).default("");

export const setRoleSchema = z.object({ userId, role: z.enum(ROLES), reason }).strict();
export const setDisabledSchema = z.object({ userId, disabled: z.boolean(), reason }).strict();
export const managerAssignmentSchema = z.object({ userId, projectSlug: token({ min: 1, max: 120 }), assigned: z.boolean(), reason }).strict();
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `At most ${MAX_PASSWORD_LENGTH} characters.`);
export const resetPasswordSchema = z.object({ userId, password: passwordSchema, reason }).strict();

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("validEmail").max(320),
    name: text({ max: 200, required: true, requiredMessage: "nameRequired" }),
    role: z.enum(ROLES),
    /** the unit the role is held on; default: the group */
    unitCode: z.string().trim().toUpperCase().max(32).optional(),
    password: passwordSchema,
    reason,
  })
  .strict();
