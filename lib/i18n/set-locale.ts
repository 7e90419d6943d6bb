import "server-only";
import { cookies } from "next/headers";
import { getViewer } from "../auth/session";
import { db } from "../db/client";
import { AppError } from "../errors";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type AppLocale } from "./config";
import { localeChoiceSchema } from "./locale.validation";

async function setLocaleCookie(locale: AppLocale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: false });
}

/**
 * The switcher's choice: kept in a cookie for everyone and, when signed in, as
 * the user's setting (so it follows them to other browsers). Validated here;
 * the user is the session's, never one named by the request.
 */
export async function chooseLocale(input: unknown): Promise<AppLocale> {
  const parsed = localeChoiceSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "unknownLanguage", { locale: "unknownLanguage" });
  const { locale } = parsed.data;
  await setLocaleCookie(locale);
  const viewer = await getViewer();
  if (viewer) {
    const prisma = await db();
    await prisma.user.updateMany({ where: { id: viewer.id }, data: { locale } });
  }
  return locale;
}

/**
 * Right after sign-in: a saved choice wins and becomes this browser's cookie;
 * without one, the choice made in this browser before signing in is saved.
 */
export async function adoptLocaleOnSignIn(user: { id: string; locale?: string | null }): Promise<void> {
  if (isLocale(user.locale)) return setLocaleCookie(user.locale);
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (!isLocale(cookieLocale)) return;
  const prisma = await db();
  await prisma.user.updateMany({ where: { id: user.id }, data: { locale: cookieLocale } });
}
