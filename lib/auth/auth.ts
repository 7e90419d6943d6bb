import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins/admin";
import { db } from "../db/client";
import { env, oidcSettings, passwordSignInEnabled, publicUrl } from "../env";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./admin-users.validation";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { afterSignIn, beforeSignIn } from "./sign-in-guard";
import { authSecret } from "./secret";
import { trustedOrigins } from "../http/origin";
import { beforeSsoSession, ssoPlugin, validateSsoUserInfo } from "./sso";

/**
 * Better Auth: email + password (unless LODESTONE_PASSWORD_SIGN_IN=false) and,
 * when configured, single sign-on with an OpenID Connect provider through the
 * genericOAuth plugin (lib/auth/sso.ts, docs/decisions/0060). Sessions live in the database
 * (shared by every app instance); cookies are HttpOnly, SameSite=Lax, Secure
 * when the base URL is https.
 */
function createAuth(prisma: Awaited<ReturnType<typeof db>>) {
  const baseURL = publicUrl();
  const sso = oidcSettings();
  return betterAuth({
    appName: "Lodestone",
    baseURL,
    secret: authSecret(),
    // The one origin rule (lib/http/origin.ts); Better Auth refuses a missing Origin on its own endpoints too.
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: passwordSignInEnabled(), disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH },
    user: {
      additionalFields: {
        lastSeenAt: { type: "date", required: false, input: false },
        // the interface language the user chose; written by lib/i18n/set-locale.ts only
        locale: { type: "string", required: false, input: false },
      },
      // Single sign-on's gate (verified e-mail, configured issuer) before a user is created, linked or signed in.
      validateUserInfo: (data) => validateSsoUserInfo(data),
    },
    // The groups claim sets the mapped roles before an SSO sign-in's session exists (lib/auth/sso-roles.ts).
    databaseHooks: { session: { create: { before: async (session) => void (await beforeSsoSession(prisma, session)) } } },
    // A failed provider callback lands on the sign-in page with ?error=<code>, not on the library's error page.
    onAPIError: { errorURL: `${baseURL}/sign-in` },
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
    advanced: { useSecureCookies: new URL(baseURL).protocol === "https:", ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    // The admin plugin stays for what it enforces at sign-in (a disabled user gets no session);
    // its HTTP endpoints are closed (lib/auth/auth-route.ts) and the app never calls them:
    // roles are unit-scoped assignments (RoleAssignment), changed through the app's audited path.
    // No role the plugin knows is an admin role, so nothing in it ever grants admin powers.
    plugins: [
      admin({ defaultRole: "none", adminRoles: [], bannedUserMessage: "This account is disabled. Ask an administrator." }),
      ...(sso ? [ssoPlugin(sso)] : []),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __lodestoneAuth?: Promise<Auth> };

/** The process-wide Better Auth instance (created on first use: the database opens lazily). */
export function getAuth(): Promise<Auth> {
  globalForAuth.__lodestoneAuth ??= db().then(createAuth);
  return globalForAuth.__lodestoneAuth;
}
