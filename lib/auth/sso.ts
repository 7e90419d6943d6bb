import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { User, ValidateUserInfoResult, ValidateUserInfoSource } from "better-auth";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import type { PrismaClient } from "../db/generated/client";
import { oidcSettings, type OidcSettings } from "../env";
import { log } from "../log/logger";
import { groupsOf } from "./oidc-group-map";
import { applySsoGroupMapping, type SsoSignInKind } from "./sso-roles";

/**
 * Single sign-on with an OpenID Connect provider, through Better Auth's
 * genericOAuth plugin: discovery, the authorization code flow with PKCE, the
 * ID token verified against the provider's JWKS (issuer, audience, nonce).
 * What the app adds (docs/decisions/0060):
 *
 * - only a VERIFIED e-mail signs in (matched to an existing user or creating
 *   one), and only a token from the configured issuer: `validateUserInfo`,
 *   which the library runs before it writes anything;
 * - the groups claim sets the roles the group map owns, just before the
 *   session is created (lib/auth/sso-roles.ts), with audit entries.
 *
 * The provider's profile travels from the first step to the second in an
 * AsyncLocalStorage entered around the callback request (lib/auth/auth-route.ts).
 */
export const SSO_PROVIDER_ID = "oidc";
/** The callback, under /api/auth: the redirect URI to register at the provider is BETTER_AUTH_URL/api/auth/callback/oidc. */
export const SSO_CALLBACK_ENDPOINT = `/callback/${SSO_PROVIDER_ID}`;

interface CallbackStore {
  profile?: Record<string, unknown>;
  kind?: SsoSignInKind;
}
// On globalThis: Next bundles this module into several layers (route handlers, server actions), and the
// auth instance (created once, by whichever layer asks first) must see the store the callback route entered.
const globalForSso = globalThis as unknown as { __lodestoneSsoCallbackStore?: AsyncLocalStorage<CallbackStore> };
const callbackStore = (globalForSso.__lodestoneSsoCallbackStore ??= new AsyncLocalStorage<CallbackStore>());

/** Runs the provider's callback with a place for the verified profile. */
export function runSsoCallback<T>(fn: () => Promise<T>): Promise<T> {
  return callbackStore.run({}, fn);
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** A display name from the profile: name, else preferred_username, else the e-mail's local part; at most 200 characters. */
function nameOf(profile: Record<string, unknown>): string {
  for (const key of ["name", "preferred_username"]) {
    const value = profile[key];
    if (typeof value === "string" && value.trim()) return value.trim().slice(0, 200);
  }
  return typeof profile.email === "string" ? profile.email.split("@")[0].slice(0, 200) : "";
}

export function ssoPlugin(settings: OidcSettings) {
  return genericOAuth({
    config: [
      {
        providerId: SSO_PROVIDER_ID,
        name: settings.displayName,
        discoveryUrl: discoveryUrl(settings.issuer),
        // Without the provider's issuer and JWKS the ID token could not be verified: then no sign-in at all.
        requireIdTokenVerification: true,
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        scopes: settings.scopes,
        pkce: true,
        // Signing out ends the Lodestone session; the provider's own session is the provider's (README).
        disableProviderLogout: true,
        mapProfileToUser: (profile) => ({ name: nameOf(profile), ...(settings.trustEmail ? { emailVerified: true } : {}) }),
      },
    ],
  });
}

/** Messages the sign-in page shows by code (components/auth/sign-in-error.tsx translates them). */
export const SSO_REFUSALS = {
  email_not_verified: "Your identity provider has not verified your e-mail address.",
  issuer_mismatch: "The sign-in answer did not come from the configured identity provider.",
} as const;

/**
 * Better Auth's gate before it creates, links or signs in a user from a
 * provider. Refusing here writes nothing.
 */
export function validateSsoUserInfo(data: { user: Partial<User> & Record<string, unknown>; source: ValidateUserInfoSource }): ValidateUserInfoResult | void {
  if (data.source.method !== "oauth" || data.source.oauth?.providerId !== SSO_PROVIDER_ID) return;
  const settings = oidcSettings();
  if (!settings) return { error: "sso_not_configured" };
  const profile = data.source.oauth.profile ?? {};
  // The ID token's issuer was verified against the discovery document's; this pins it to the configured one.
  if (profile.iss !== undefined && profile.iss !== settings.issuer) {
    log().warn({ expected: settings.issuer, received: profile.iss }, "single sign-on refused: token from another issuer");
    return { error: "issuer_mismatch", errorDescription: SSO_REFUSALS.issuer_mismatch };
  }
  if (data.user.emailVerified !== true) {
    log().info({ email: data.user.email }, "single sign-on refused: e-mail not verified by the provider");
    return { error: "email_not_verified", errorDescription: SSO_REFUSALS.email_not_verified };
  }
  const store = callbackStore.getStore();
  if (store) {
    store.profile = profile;
    store.kind = data.source.action;
  }
}

/**
 * Before the session of an SSO sign-in is created: the groups claim sets the
 * mapped roles. A failure refuses the sign-in (the callback redirects to the
 * sign-in page with role_mapping_failed) rather than let the user in with
 * stale roles.
 */
export async function beforeSsoSession(prisma: PrismaClient, session: { userId: string }): Promise<void> {
  const store = callbackStore.getStore();
  if (!store?.profile || !store.kind) return;
  const settings = oidcSettings();
  if (!settings) return;
  try {
    const result = await applySsoGroupMapping(prisma, {
      userId: session.userId,
      groups: groupsOf(store.profile, settings.groupsClaim),
      kind: store.kind,
      settings,
    });
    if (result.assigned.length || result.unassigned.length)
      log().info({ userId: session.userId, ...result }, "single sign-on: roles set from the provider's groups");
  } catch (err) {
    log().error({ err, userId: session.userId }, "single sign-on: applying the group map failed");
    throw new APIError("INTERNAL_SERVER_ERROR", { code: "role_mapping_failed", message: "Your roles could not be set from your groups." });
  } finally {
    store.profile = undefined;
  }
}

/**
 * At boot: the provider's discovery document must name the configured issuer
 * (OpenID Connect Discovery 1.0 §4.3). A different one is a configuration
 * error the server refuses to start with; an unreachable provider is only a
 * warning (the library retries discovery on the next sign-in).
 */
export async function checkSsoIssuer(settings: OidcSettings | null = oidcSettings()): Promise<{ ok: true } | { ok: false; fatal: boolean; message: string }> {
  if (!settings) return { ok: true };
  const url = discoveryUrl(settings.issuer);
  let issuer: unknown;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
    if (!res.ok) return { ok: false, fatal: false, message: `single sign-on: ${url} answered ${res.status}` };
    issuer = ((await res.json()) as { issuer?: unknown }).issuer;
  } catch (err) {
    return { ok: false, fatal: false, message: `single sign-on: ${url} could not be read (${(err as Error).message})` };
  }
  if (issuer !== settings.issuer)
    return {
      ok: false,
      fatal: true,
      message: `LODESTONE_OIDC_ISSUER is "${settings.issuer}" but the provider's discovery document names the issuer "${String(issuer)}": set LODESTONE_OIDC_ISSUER to exactly the provider's issuer`,
    };
  return { ok: true };
}
