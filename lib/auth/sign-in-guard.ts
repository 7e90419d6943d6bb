import { APIError } from "better-auth/api";
import type { PrismaClient } from "../db/generated/client";
import { env } from "../env";
import { requestClient } from "../http/client-ip";
import { englishMessage } from "../i18n/english";
import { asAuthApiError } from "./api-error";
import { releaseSignInAttempt, reserveSignInAttempt, retryMinutes, signInSucceeded } from "./login-throttle";
import { consumeRateLimit } from "./rate-limit";

/**
 * The guards on every way to check a password — the sign-in form's server
 * action (auth.api.signInEmail with the request's headers) and a direct POST
 * to /api/auth/sign-in/email — run here, in Better Auth's before/after hooks
 * for /sign-in/email (lib/auth/auth.ts):
 *
 * 1. one limit per client address (LODESTONE_SIGN_IN_RATE_LIMIT a minute):
 *    each attempt costs a password hash (~170 ms of CPU);
 * 2. the per-(account, source) failure throttle (lib/auth/login-throttle.ts).
 *
 * The client address is the one lib/server/http-lifecycle.ts settled from the
 * socket (or a trusted proxy's X-Forwarded-For); a client cannot set it.
 */
export const SIGN_IN_PATH = "/sign-in/email";
const WINDOW_SECONDS = 60;

interface HookContext {
  path: string;
  body?: unknown;
  headers?: Headers;
  request?: Request;
  context: { returned?: unknown };
}

function emailOf(ctx: HookContext): string {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 320) : "";
}

/** The English for Better Auth's HTTP answer; the key and parameters for the sign-in form (lib/auth/sign-in.ts keyedBody). */
function tooMany(key: "tooManySignIns" | "tooManySignInsFromAddress", retryAfterSeconds: number): APIError {
  const m = { key, params: { minutes: retryMinutes(retryAfterSeconds) } };
  return new APIError("TOO_MANY_REQUESTS", { message: englishMessage(m), code: "TOO_MANY_REQUESTS", ...m }, { "Retry-After": String(retryAfterSeconds) });
}

export async function beforeSignIn(prisma: PrismaClient, ctx: HookContext): Promise<void> {
  if (ctx.path !== SIGN_IN_PATH) return;
  const source = requestClient(ctx.headers ?? ctx.request?.headers);
  const perAddress = await consumeRateLimit(prisma, { key: `sign-in:${source}`, max: env().LODESTONE_SIGN_IN_RATE_LIMIT, windowSeconds: WINDOW_SECONDS });
  if (!perAddress.allowed) throw tooMany("tooManySignInsFromAddress", perAddress.retryAfterSeconds);
  const email = emailOf(ctx);
  if (!email) return;
  const attempt = await reserveSignInAttempt(prisma, { email, source });
  if (!attempt.allowed) throw tooMany("tooManySignIns", attempt.retryAfterSeconds);
}

export async function afterSignIn(prisma: PrismaClient, ctx: HookContext): Promise<void> {
  if (ctx.path !== SIGN_IN_PATH) return;
  const email = emailOf(ctx);
  if (!email) return;
  const source = requestClient(ctx.headers ?? ctx.request?.headers);
  const failure = asAuthApiError(ctx.context.returned);
  // A wrong password keeps its reservation: that is the recorded failure.
  if (!failure) await signInSucceeded(prisma, { email, source });
  else if (failure.status !== "UNAUTHORIZED" && failure.status !== "TOO_MANY_REQUESTS") await releaseSignInAttempt(prisma, { email, source });
}
