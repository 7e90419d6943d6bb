import { getLocale, getTranslations } from "next-intl/server";
import { chooseLocaleAction } from "@/lib/i18n/actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";

/**
 * The header's language choice: one button per language, each named in its
 * own language (and marked so, for screen readers' pronunciation). A plain
 * form posting a server action: it works without JavaScript, and the page
 * comes back in the new language at the same address.
 */
export async function LanguageSwitcher() {
  const t = await getTranslations("layout");
  const current = await getLocale();
  return (
    <form action={chooseLocaleAction} role="group" aria-label={t("language")} className="flex items-center rounded-md border border-slate-600 p-0.5 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="h-8 rounded-sm px-2 font-medium whitespace-nowrap text-slate-200 hover:bg-slate-800 focus-visible:outline-amber-300 aria-pressed:bg-slate-100 aria-pressed:text-slate-900"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
