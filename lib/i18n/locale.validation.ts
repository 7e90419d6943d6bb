import { z } from "zod";
import { LOCALES } from "./config";

/** A language choice from the switcher: the form and the server share this. */
export const localeChoiceSchema = z.object({ locale: z.enum(LOCALES) }).strict();
export type LocaleChoice = z.infer<typeof localeChoiceSchema>;
