import { z } from "zod";

/** An admin clears an account's sign-in failures: the form and the server share this. */
export const unlockSignInSchema = z
  .object({
    email: z
      .email("enterAccountEmail")
      .max(320)
      .transform((e) => e.toLowerCase()),
  })
  .strict();
export type UnlockSignInInput = z.input<typeof unlockSignInSchema>;
