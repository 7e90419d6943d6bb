import { DEFAULT_LOCALE, isLocale, type AppLocale } from "./config";

/**
 * The request's locale, in order: the signed-in user's saved choice, the
 * locale cookie, the browser's Accept-Language, English. Pure, so the order
 * is unit-tested (negotiate.test.ts); request.ts feeds it.
 */
export function resolveLocale(input: { userLocale?: string | null; cookieLocale?: string | null; acceptLanguage?: string | null }): AppLocale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookieLocale)) return input.cookieLocale;
  return matchAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * The best of our locales for an Accept-Language header, or null. Ranges are
 * tried by quality (then by order); the first that maps to a locale wins.
 * Any Chinese (zh, zh-CN, zh-Hans, zh-SG, and also zh-TW/zh-Hant, for whom
 * Simplified Chinese reads better than English) maps to zh-CN; any English to en.
 */
export function matchAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const quality = q ? Number(q[1]) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return null;
}

function localeForTag(tag: string): AppLocale | null {
  const primary = tag.split("-")[0];
  if (primary === "zh") return "zh-CN";
  if (primary === "en") return "en";
  return null;
}
