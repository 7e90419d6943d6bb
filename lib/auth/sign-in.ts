import "server-only";
import { headers } from "next/headers";
import { db } from "../db/client";
import { env, oidcSettings, passwordSignInEnabled } from "../env";
import { requestClient } from "../http/client-ip";
import { adoptLocaleOnSignIn } from "../i18n/set-locale";
import { asAuthApiError } from "./api-error";
import { getAuth } from "./auth";
import { retryMinutes } from "./login-throttle";
import { consumeRateLimit } from "./rate-limit";
import { safeReturnPath, signInSchema } from "./sign-in.validation";
import { SSO_PROVIDER_ID } from "./sso";
import { zodFieldErrors } from "../validation/field-errors";
import type { Message } from "../i18n/message";
import { failure, type MutationResult } from "../server/mutation";

/** Why a sign-in failed, beyond its code (the form and tests tell a wrong password from a disabled account). */
export type SignInRefusal = "INVALID_CREDENTIALS" | "DISABLED" | "PASSWORD_SIGN_IN_OFF";
export type SignInResult = MutationResult<{ next: string | undefined; userId: string }>;

/** The key and parameters Better Auth's sign-in hooks put in their error body (lib/auth/sign-in-guard.ts). */
function keyedBody(err: unknown): Message | null {
  const body = (err as { body?: { key?: unknown; params?: unknown } }).body;
  return body && typeof body.key === "string" ? { key: body.key as Message["key"], params: body.params as Message["params"] } : null;
}

/**
 * Signs in with email and password, setting the session cookie (Better Auth's
 * nextCookies plugin). The failure throttle runs in Better Auth's hooks
 * (lib/auth/auth.ts), so it also guards direct calls of its HTTP endpoint.
 */
export async function signInWithPassword(input: unknown): Promise<SignInResult> {
  if (!passwordSignInEnabled()) return failure("FORBIDDEN", "passwordSignInOff", { details: { reason: "PASSWORD_SIGN_IN_OFF" } });
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return failure("BAD_REQUEST", "checkFields", { fields: zodFieldErrors(parsed.error, { topLevel: true }) });
  }
  const { email, password, next } = parsed.data;
  let user: { id: string; locale?: string | null };
  try {
    ({ user } = await (await getAuth()).api.signInEmail({ body: { email, password }, headers: await headers() }));
  } catch (caught) {
    const err = asAuthApiError(caught);
    if (!err) throw caught;
    if (err.status === "TOO_MANY_REQUESTS") return failure("TOO_MANY_REQUESTS", keyedBody(caught) ?? "tooManySignIns");
    if (/banned/i.test(err.message)) return failure("FORBIDDEN", "accountDisabled", { details: { reason: "DISABLED" } });
    return failure("UNAUTHENTICATED", "wrongPassword", { details: { reason: "INVALID_CREDENTIALS" } });
  }
  await adoptLocaleOnSignIn(user);
  return { ok: true, data: { next, userId: user.id } };
}

export async function signOutCurrentUser(): Promise<void> {
  await (await getAuth()).api.signOut({ headers: await headers() });
}

export type SsoStartResult = MutationResult<{ url: string }>;

/**
 * Starts a single sign-on: Better Auth stores the state (with the PKCE
 * verifier and the ID token nonce) and sets its cookie; the browser goes to
 * the provider's authorization URL. Each start writes a row, so it shares the
 * per-address sign-in limit.
 */
export async function startSsoSignIn({ next }: { next: string | undefined }): Promise<SsoStartResult> {
  if (!oidcSettings()) return failure("UNAVAILABLE", "ssoNotConfigured");
  const requestHeaders = await headers();
  const limit = await consumeRateLimit(await db(), {
    key: `sign-in:${requestClient(requestHeaders)}`,
    max: env().LODESTONE_SIGN_IN_RATE_LIMIT,
    windowSeconds: 60,
  });
  if (!limit.allowed) return failure("TOO_MANY_REQUESTS", { key: "tooManySignInsFromAddress", params: { minutes: retryMinutes(limit.retryAfterSeconds) } });
  const { url } = await (
    await getAuth()
  ).api.signInSocial({
    body: { provider: SSO_PROVIDER_ID, callbackURL: safeReturnPath(next), errorCallbackURL: "/sign-in", disableRedirect: true },
    headers: requestHeaders,
  });
  if (!url) throw new Error("the auth library returned no authorization URL");
  return { ok: true, data: { url } };
}
