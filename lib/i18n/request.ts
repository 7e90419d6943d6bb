import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewer } from "../auth/session";
import { LOCALE_COOKIE, TIME_ZONE, type AppLocale } from "./config";
import { resolveLocale } from "./negotiate";

/**
 * The one place that decides the request's locale (URLs carry none): the
 * signed-in user's saved choice, the locale cookie, Accept-Language, English
 * (negotiate.ts). The viewer is memoized per request; the header reads it anyway.
 */
async function requestLocale(): Promise<AppLocale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const viewer = await getViewer();
  return resolveLocale({
    userLocale: viewer?.locale,
    cookieLocale: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
