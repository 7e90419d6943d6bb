"use server";

import { chooseLocale } from "@/lib/i18n/set-locale";

/** The header's language switcher (a plain form: works without JavaScript). The page re-renders in the new language at the same URL. */
export async function chooseLocaleAction(formData: FormData): Promise<void> {
  await chooseLocale({ locale: formData.get("locale") });
}
