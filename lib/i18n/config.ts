/**
 * Locales the UI is translated into. Client-safe: no request APIs here.
 * Adding a language: add messages/<locale>.json with every key of en.json
 * (lib/i18n/catalogs.test.ts checks), list it here with its own name, and
 * teach negotiate.ts which browser languages map to it.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/** The cookie that keeps a visitor's choice (signed in or not). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each language named in itself, for the switcher (never translated). */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", "zh-CN": "中文" };

/** The content language of a locale: bilingual fields come in English and Chinese. */
export type ContentLanguage = "en" | "zh";
export function contentLanguage(locale: AppLocale): ContentLanguage {
  return locale === "zh-CN" ? "zh" : "en";
}

/** The BCP 47 tag to put in `lang` for text in a content language. */
export const CONTENT_LANG_TAG: Record<ContentLanguage, string> = { en: "en", zh: "zh-CN" };

/**
 * Dates are shown in the group's home time zone. Dates stored as UTC midnights
 * (source dates) stay on their calendar day there.
 */
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: string | null | undefined): value is AppLocale {
  return (LOCALES as readonly string[]).includes(value ?? "");
}
