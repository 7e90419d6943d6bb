import { z } from "zod";

/**
 * A display name: what history and audit entries show as the author. Not
 * empty, no control or bidi-override characters, at most 200 characters.
 * (Whether another user already has it is checked against the database.)
 */
export const DISPLAY_NAME_MAX = 200;

// C0/C1 controls and the bidi overrides/isolates that can disguise a name.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "nameRequired")
  .max(DISPLAY_NAME_MAX, `At most ${DISPLAY_NAME_MAX} characters.`)
  .refine((v) => !FORBIDDEN.test(v), "nameNoControl")
  .refine((v) => /[\p{L}\p{N}]/u.test(v), "nameNeedsLetter");

/** The only body /api/auth/update-user accepts: a new name. */
export const updateUserBodySchema = z.object({ name: displayNameSchema }).strict();
