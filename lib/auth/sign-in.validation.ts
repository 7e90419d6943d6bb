import { z } from "zod";

export const signInSchema = z
  .object({
    email: z.email("Enter your email address.").max(320).transform((e) => e.toLowerCase()),
    password: z.string().min(1, "Enter your password.").max(128, "At most 128 characters."),
    next: z.string().max(500).optional(),
  })
  .strict();

/** Where to go after signing in: only a path on this site (no open redirect). */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
