import { APIError } from "better-auth/api";
import type { PrismaClient } from "../db/generated/client";
import { env } from "../env";
import { requestClient } from "../http/client-ip";
import { asAuthApiError } from "./api-error";
import { releaseSignInAttempt, reserveSignInAttempt, retryMessage, signInSucceeded } from "./login-throttle";
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

function tooMany(message: string, retryAfterSeconds: number): APIError {
  return new APIError("TOO_MANY_REQUESTS", { message, code: "TOO_MANY_REQUESTS" }, { "Retry-After": String(retryAfterSeconds) });
}

export async function beforeSignIn(prisma: PrismaClient, ctx: HookContext): Promise<void> {
  if (ctx.path !== SIGN_IN_PATH) return;
  const source = requestClient(ctx.headers ?? ctx.request?.headers);
  const perAddress = await consumeRateLimit(prisma, { key: `sign-in:${source}`, max: env().LODESTONE_SIGN_IN_RATE_LIMIT, windowSeconds: WINDOW_SECONDS });
  if (!perAddress.allowed)
    throw tooMany(`Too many sign-in attempts from your address. Try again in ${retryMessage(perAddress.retryAfterSeconds)}.`, perAddress.retryAfterSeconds);
  const email = emailOf(ctx);
  if (!email) return;
  const attempt = await reserveSignInAttempt(prisma, { email, source });
  if (!attempt.allowed)
    throw tooMany(`Too many failed sign-ins for this account. Try again in ${retryMessage(attempt.retryAfterSeconds)}.`, attempt.retryAfterSeconds);
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
