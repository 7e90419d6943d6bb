import { z } from "zod";
import { ROLES } from "./permissions";

export const setRoleSchema = z.object({ userId: z.string().min(1).max(100), role: z.enum(ROLES) }).strict();
export const setDisabledSchema = z.object({ userId: z.string().min(1).max(100), disabled: z.boolean() }).strict();
export const managerAssignmentSchema = z
  .object({ userId: z.string().min(1).max(100), projectSlug: z.string().min(1).max(120), assigned: z.boolean() })
  .strict();
