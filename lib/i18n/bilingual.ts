import { contentLanguage, type AppLocale, type ContentLanguage } from "./config";

/** A text kept in both languages (project names and summaries, milestone titles). */
export interface BilingualText {
  en: string | null | undefined;
  zh: string | null | undefined;
}

/** What to show for a bilingual text in a locale. */
export interface LocalizedText {
  text: string;
  /** the language the text is in */
  lang: ContentLanguage;
  /** true when the locale's language is missing and this is the other one (mark it) */
  fallback: boolean;
}

const present = (s: string | null | undefined): s is string => !!s && s.trim() !== "";

/**
 * The text in the interface's language, else in the other language marked as
 * a fallback, else null. Client-safe and pure: the same on server and client.
 */
export function localize(value: BilingualText, locale: AppLocale): LocalizedText | null {
  const want = contentLanguage(locale);
  const other: ContentLanguage = want === "zh" ? "en" : "zh";
  if (present(value[want])) return { text: value[want], lang: want, fallback: false };
  if (present(value[other])) return { text: value[other], lang: other, fallback: true };
  return null;
}

/** The other language's text, when both exist (shown as a secondary line). */
export function secondary(value: BilingualText, locale: AppLocale): LocalizedText | null {
  const shown = localize(value, locale);
  if (!shown || shown.fallback) return null;
  const other: ContentLanguage = shown.lang === "zh" ? "en" : "zh";
  return present(value[other]) ? { text: value[other], lang: other, fallback: false } : null;
}

/** Plain text (for attributes, titles, exports): the localized text or "". */
export function localizedString(value: BilingualText, locale: AppLocale): string {
  return localize(value, locale)?.text ?? "";
}

const HAN = /\p{Script=Han}/u;

/**
 * A text stored in one language only, with no field saying which (the
 * operating company's free text): Chinese when it holds Han characters,
 * English otherwise, so the interface tags it like any other fallback.
 */
export function monolingual(text: string): BilingualText {
  return HAN.test(text) ? { en: null, zh: text } : { en: text, zh: null };
}
