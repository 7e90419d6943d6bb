import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";
import { db } from "../db/client";
import { env, publicUrl } from "../env";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { afterSignIn, beforeSignIn } from "./sign-in-guard";
import { authSecret } from "./secret";

/**
 * Better Auth: email + password now; OIDC single sign-on can be added as a
 * plugin (genericOAuth) through configuration. Sessions live in the database
 * (shared by every app instance); cookies are HttpOnly, SameSite=Lax, Secure
 * when the base URL is https.
 */
function createAuth(prisma: Awaited<ReturnType<typeof db>>) {
  const baseURL = publicUrl();
  const url = new URL(baseURL);
  // localhost and 127.0.0.1 are the same machine to a person, not to an origin check.
  const loopbackTwin =
    url.hostname === "localhost" ? `${url.protocol}//127.0.0.1:${url.port}` : url.hostname === "127.0.0.1" ? `${url.protocol}//localhost:${url.port}` : undefined;
  return betterAuth({
    appName: "Lodestone",
    baseURL,
    secret: authSecret(),
    trustedOrigins: loopbackTwin ? [baseURL, loopbackTwin] : [baseURL],
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        lastSeenAt: { type: "date", required: false, input: false },
        // the interface language the user chose; written by lib/i18n/set-locale.ts only
        locale: { type: "string", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Counted in the database so every instance shares the limits, keyed on the
    // client address settled by lib/server/http-lifecycle.ts (never a client's
    // X-Forwarded-For). Sign-in has its own limits, on the form's action too:
    // lib/auth/sign-in-guard.ts, run in the hooks below.
    rateLimit: {
      enabled: env().NODE_ENV === "production",
      storage: "database",
      window: 60,
      max: 300,
      // Sign-in's own limit (one per address for the form and the API) is in the hooks.
      customRules: { "/sign-in/email": false },
    },
    hooks: {
      before: createAuthMiddleware((ctx) => beforeSignIn(prisma, ctx)),
      after: createAuthMiddleware((ctx) => afterSignIn(prisma, ctx)),
    },
    telemetry: { enabled: false },
    advanced: { useSecureCookies: url.protocol === "https:", ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    plugins: [admin({ defaultRole: "staff", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __lodestoneAuth?: Promise<Auth> };

/** The process-wide Better Auth instance (created on first use: the database opens lazily). */
export function getAuth(): Promise<Auth> {
  globalForAuth.__lodestoneAuth ??= db().then(createAuth);
  return globalForAuth.__lodestoneAuth;
}
