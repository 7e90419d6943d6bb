import "server-only";
import { headers } from "next/headers";
import { adoptLocaleOnSignIn } from "../i18n/set-locale";
import { asAuthApiError } from "./api-error";
import { getAuth } from "./auth";
import { signInSchema } from "./sign-in.validation";
import { zodFieldErrors } from "../validation/field-errors";

export type SignInResult =
  | { ok: true; next: string | undefined; userId: string }
  | { ok: false; code: "BAD_REQUEST" | "INVALID_CREDENTIALS" | "TOO_MANY_REQUESTS" | "DISABLED"; message: string; fields?: Record<string, string> };

/**
 * Signs in with email and password, setting the session cookie (Better Auth's
 * nextCookies plugin). The failure throttle runs in Better Auth's hooks
 * (lib/auth/auth.ts), so it also guards direct calls of its HTTP endpoint.
 */
export async function signInWithPassword(input: unknown): Promise<SignInResult> {
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
