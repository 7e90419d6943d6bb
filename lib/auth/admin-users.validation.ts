import { z } from "zod";
import { token } from "../validation/text";
import { ROLES } from "./permissions";

const userId = token({ min: 1, max: 100 });

export const setRoleSchema = z.object({ userId, role: z.enum(ROLES) }).strict();
export const setDisabledSchema = z.object({ userId, disabled: z.boolean() }).strict();
export const managerAssignmentSchema = z
  .object({ userId, projectSlug: token({ min: 1, max: 120 }), assigned: z.boolean() })
  .strict();
