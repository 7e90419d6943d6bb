import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";
import { db } from "../db/client";
import { env, publicUrl } from "../env";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./admin-users.validation";
import { asAuthApiError } from "./api-error";
import { clearLoginFailures, minutesUntilAllowed, recordLoginFailure } from "./login-throttle";
import { authSecret } from "./secret";
import { trustedOrigins } from "../http/origin";

/**
 * Better Auth: email + password now; OIDC single sign-on can be added as a
 * plugin (genericOAuth) through configuration. Sessions live in the database
 * (shared by every app instance); cookies are HttpOnly, SameSite=Lax, Secure
 * when the base URL is https.
 */
function createAuth(prisma: Awaited<ReturnType<typeof db>>) {
  const baseURL = publicUrl();
  return betterAuth({
    appName: "Lodestone",
    baseURL,
    secret: authSecret(),
    // The one origin rule (lib/http/origin.ts); Better Auth refuses a missing Origin on its own endpoints too.
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    user: {
      additionalFields: {
        lastSeenAt: { type: "date", required: false, input: false },
        // the interface language the user chose; written by lib/i18n/set-locale.ts only
        locale: { type: "string", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Counted in the database so every instance shares the limits; the per-email
    // failure throttle (login-throttle.ts) is what stops password guessing.
    rateLimit: {
      enabled: env().NODE_ENV === "production",
      storage: "database",
      window: 60,
      max: 300,
      customRules: { "/sign-in/email": { window: 60, max: 60 } },
    },
    // Per-email failure throttle on every way in: the sign-in form's action and
    // a direct POST to /api/auth/sign-in/email alike.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const wait = email ? await minutesUntilAllowed(prisma, email) : 0;
        if (wait > 0)
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many failed sign-ins for this account. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`,
          });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        if (!email) return;
        const returned = ctx.context.returned;
        const failure = asAuthApiError(returned);
        if (failure) {
          if (failure.status === "UNAUTHORIZED") await recordLoginFailure(prisma, email, ctx.request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null);
        } else await clearLoginFailures(prisma, email);
      }),
    },
    telemetry: { enabled: false },
    advanced: { useSecureCookies: new URL(baseURL).protocol === "https:" },
    // The admin plugin stays for what it enforces at sign-in (a disabled user gets no session);
    // its HTTP endpoints are closed (lib/auth/auth-route.ts) and the app never calls them:
    // roles are unit-scoped assignments (RoleAssignment), changed through the app's audited path.
    // No role the plugin knows is an admin role, so nothing in it ever grants admin powers.
    plugins: [admin({ defaultRole: "none", adminRoles: [] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __lodestoneAuth?: Promise<Auth> };

/** The process-wide Better Auth instance (created on first use: the database opens lazily). */
export function getAuth(): Promise<Auth> {
  globalForAuth.__lodestoneAuth ??= db().then(createAuth);
  return globalForAuth.__lodestoneAuth;
}
