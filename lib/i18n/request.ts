import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, TIME_ZONE, type AppLocale } from "./config";

/**
 * The one place that decides the request's locale. English only for now; the
 * zh-CN issue reads the locale cookie and Accept-Language here (next/headers),
 * validated with isLocale() and falling back to DEFAULT_LOCALE.
 */
async function resolveLocale(): Promise<AppLocale> {
  return DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
