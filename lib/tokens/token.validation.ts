import { z } from "zod";
import { text } from "../validation/text";

/** Longest a token may live: a year; the form offers shorter ones first. */
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_DAY_CHOICES = [7, 30, 90, 365] as const;

/** Creating an API token: the profile form (personal), the admin form (service) and POST /api/tokens share it. */
export const tokenCreateSchema = z
  .object({
    kind: z.enum(["personal", "service"]),
    name: text({ max: 100, required: true }),
    scope: z.enum(["read", "write"]),
    expiresInDays: z.coerce.number().int().min(1).max(MAX_TOKEN_DAYS),
    /** service tokens: the organization unit whose projects they act on */
    unitCode: z.string().trim().max(32).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === "service" && !v.unitCode) ctx.addIssue({ code: "custom", path: ["unitCode"], message: "chooseTokenUnit" });
    if (v.kind === "personal" && v.unitCode) ctx.addIssue({ code: "custom", path: ["unitCode"], message: "personalTokenNoUnit" });
  });
export type TokenCreateInput = z.infer<typeof tokenCreateSchema>;

export const tokenRevokeSchema = z.object({ id: z.uuid() }).strict();
