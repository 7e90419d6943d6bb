import "server-only";
import { headers } from "next/headers";
import { db } from "../db/client";
import { env, oidcSettings, passwordSignInEnabled } from "../env";
import { requestClient } from "../http/client-ip";
import { adoptLocaleOnSignIn } from "../i18n/set-locale";
import { asAuthApiError } from "./api-error";
import { getAuth } from "./auth";
import { retryMessage } from "./login-throttle";
import { consumeRateLimit } from "./rate-limit";
import { safeReturnPath, signInSchema } from "./sign-in.validation";
import { SSO_PROVIDER_ID } from "./sso";
import { zodFieldErrors } from "../validation/field-errors";

export type SignInResult =
  | { ok: true; next: string | undefined; userId: string }
  | {
      ok: false;
      code: "BAD_REQUEST" | "INVALID_CREDENTIALS" | "TOO_MANY_REQUESTS" | "DISABLED" | "PASSWORD_SIGN_IN_OFF";
      message: string;
      fields?: Record<string, string>;
    };

/**
 * Signs in with email and password, setting the session cookie (Better Auth's
 * nextCookies plugin). The failure throttle runs in Better Auth's hooks
 * (lib/auth/auth.ts), so it also guards direct calls of its HTTP endpoint.
 */
export async function signInWithPassword(input: unknown): Promise<SignInResult> {
  if (!passwordSignInEnabled()) return { ok: false, code: "PASSWORD_SIGN_IN_OFF", message: "Password sign-in is turned off: sign in with single sign-on." };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, code: "BAD_REQUEST", message: "Check the highlighted fields.", fields: zodFieldErrors(parsed.error, { topLevel: true }) };
  }
  const { email, password, next } = parsed.data;
  let user: { id: string; locale?: string | null };
  try {
    ({ user } = await (await getAuth()).api.signInEmail({ body: { email, password }, headers: await headers() }));
  } catch (caught) {
    const err = asAuthApiError(caught);
    if (!err) throw caught;
    if (err.status === "TOO_MANY_REQUESTS") return { ok: false, code: "TOO_MANY_REQUESTS", message: err.message };
    if (/banned/i.test(err.message)) return { ok: false, code: "DISABLED", message: "This account is disabled. Ask an administrator." };
    return { ok: false, code: "INVALID_CREDENTIALS", message: "Wrong email or password." };
  }
  await adoptLocaleOnSignIn(user);
  return { ok: true, next, userId: user.id };
}

export async function signOutCurrentUser(): Promise<void> {
  await (await getAuth()).api.signOut({ headers: await headers() });
}

export type SsoStartResult = { ok: true; url: string } | { ok: false; code: "NOT_CONFIGURED" | "TOO_MANY_REQUESTS"; message: string };

/**
 * Starts a single sign-on: Better Auth stores the state (with the PKCE
 * verifier and the ID token nonce) and sets its cookie; the browser goes to
 * the provider's authorization URL. Each start writes a row, so it shares the
 * per-address sign-in limit.
 */
export async function startSsoSignIn({ next }: { next: string | undefined }): Promise<SsoStartResult> {
  if (!oidcSettings()) return { ok: false, code: "NOT_CONFIGURED", message: "Single sign-on is not configured." };
  const requestHeaders = await headers();
  const limit = await consumeRateLimit(await db(), {
    key: `sign-in:${requestClient(requestHeaders)}`,
    max: env().LODESTONE_SIGN_IN_RATE_LIMIT,
    windowSeconds: 60,
  });
  if (!limit.allowed)
    return {
      ok: false,
      code: "TOO_MANY_REQUESTS",
      message: `Too many sign-in attempts from your address. Try again in ${retryMessage(limit.retryAfterSeconds)}.`,
    };
  const { url } = await (
    await getAuth()
  ).api.signInSocial({
    body: { provider: SSO_PROVIDER_ID, callbackURL: safeReturnPath(next), errorCallbackURL: "/sign-in", disableRedirect: true },
    headers: requestHeaders,
  });
  if (!url) throw new Error("the auth library returned no authorization URL");
  return { ok: true, url };
}
