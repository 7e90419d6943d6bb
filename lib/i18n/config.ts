/**
 * Locales the UI is translated into. Client-safe: no request APIs here.
 * zh-CN follows in a later issue; adding it means adding messages/zh-CN.json
 * and listing it here.
 */
export const LOCALES = ["en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/**
 * Dates are shown in the group's home time zone. Dates stored as UTC midnights
 * (source dates) stay on their calendar day there.
 */
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: string | null | undefined): value is AppLocale {
  return (LOCALES as readonly string[]).includes(value ?? "");
}
