import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import { db } from "../db/client";
import { jsonError, unexpectedErrorResponse } from "../http/json-error";
import { isJsonMediaType } from "../http/mutation-response";
import { text, TEXT_MESSAGES, token } from "../validation/text";
import { oidcSettings, passwordSignInEnabled } from "../env";
import { getAuth } from "./auth";
import { updateUserBodySchema } from "./display-name.validation";
import { runSsoCallback, SSO_CALLBACK_ENDPOINT } from "./sso";

/**
 * The auth library's HTTP endpoints the app serves: an allowlist. Everything
 * else under /api/auth is a 404, among them the admin plugin's endpoints
 * (/admin/set-role, create-user, ban, impersonate-user, set-user-password,
 * remove-user, …), which would bypass the app's audited, unit-scoped write
 * path (lib/auth/admin-users.ts, lib/org/org-mutations.ts; docs/decisions/0012),
 * and sign-up, email change, account deletion and session listing, which the
 * app does not offer.
 *
 * Single sign-on adds one endpoint, the provider's redirect back (GET
 * /callback/oidc), and only when it is configured. The sign-in starts in a
 * server action (lib/auth/sign-in.ts), so /sign-in/social stays closed: its
 * other branch signs in with a bare ID token, without the code flow's PKCE.
 * With password sign-in turned off, its endpoints are closed too.
 */
const ALWAYS_OPEN: Record<string, "GET" | "POST"> = {
  "/get-session": "GET",
  "/ok": "GET",
  "/error": "GET",
  "/sign-out": "POST",
  "/update-user": "POST",
};
const PASSWORD_ENDPOINTS: Record<string, "GET" | "POST"> = { "/sign-in/email": "POST", "/change-password": "POST" };

function openEndpoints(): Record<string, "GET" | "POST"> {
  return {
    ...ALWAYS_OPEN,
    ...(passwordSignInEnabled() ? PASSWORD_ENDPOINTS : {}),
    ...(oidcSettings() ? { [SSO_CALLBACK_ENDPOINT]: "GET" as const } : {}),
  };
}

export const AUTH_BASE_PATH = "/api/auth";

export function authEndpointOf(url: string): string {
  const path = new URL(url).pathname;
  const rest = path.startsWith(AUTH_BASE_PATH) ? path.slice(AUTH_BASE_PATH.length) : path;
  return rest.length > 1 && rest.endsWith("/") ? rest.slice(0, -1) : rest;
}

export function isOpenAuthEndpoint(method: string, url: string): boolean {
  return openEndpoints()[authEndpointOf(url)] === method;
}

/**
 * In front of the library: the allowlist, then the app's text rules (a NUL
 * byte or an invisible display name is a 400, not an empty 500), then the
 * library's handler; any 5xx it gives becomes the app's generic JSON error.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  if (!isOpenAuthEndpoint(request.method, request.url)) return jsonError("NOT_FOUND", "Not found.");
  try {
    if (request.method === "POST") {
      const refused = await refuseBadText(request);
      if (refused) return refused;
    }
    const response = await forward(request);
    if (response.status >= 500) return unexpectedErrorResponse(`${request.method} /api/auth`, new Error(`auth handler answered ${response.status}`));
    return response;
  } catch (err) {
    return unexpectedErrorResponse(`${request.method} /api/auth`, err);
  }
}

async function forward(request: Request): Promise<Response> {
  const auth = await getAuth();
  const handler = toNextJsHandler(auth);
  const endpoint = authEndpointOf(request.url);
  if (endpoint === "/change-password") return handler.POST(await withBody(request, await changePasswordBody(request)));
  if (endpoint === "/update-user") {
    const checked = await checkedUpdateUser(request);
    if (checked instanceof Response) return checked;
    return handler.POST(checked);
  }
  if (endpoint === SSO_CALLBACK_ENDPOINT) return runSsoCallback(() => handler.GET(request));
  return request.method === "GET" ? handler.GET(request) : handler.POST(request);
}

async function readObject(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.clone().json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function withBody(request: Request, body: unknown): Request {
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return new Request(request.url, { method: request.method, headers, body: JSON.stringify(body) });
}

/** A password change always ends the user's other sessions (whoever knew the old password is signed out). */
async function changePasswordBody(request: Request): Promise<unknown> {
  const body = await readObject(request);
  return body ? { ...body, revokeOtherSessions: true } : {};
}

/**
 * /update-user changes the display name only: validated (not empty, no
 * control or bidi characters) and never another user's name, which would
 * make their history and audit entries ambiguous.
 */
async function checkedUpdateUser(request: Request): Promise<Request | Response> {
  const body = await readObject(request);
  const parsed = updateUserBodySchema.safeParse(body ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
    return jsonError("BAD_REQUEST", "Only a valid name can be changed here.", fields);
  }
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return jsonError("UNAUTHENTICATED", "Sign in first.");
  const prisma = await db();
  const taken = await prisma.user.count({ where: { name: { equals: parsed.data.name, mode: "insensitive" }, NOT: { id: session.user.id } } });
  if (taken) return jsonError("CONFLICT", "Another user has this name.", { name: "Another user has this name." });
  return withBody(request, parsed.data);
}

const NAME = text({ max: 100, required: true, requiredMessage: "enterName" });
const ANY_TEXT = token({ max: 10_000 });
/** Passwords are whatever their owners chose; only NUL, which no system stores, is refused. */
const PASSWORD_FIELDS = new Set(["password", "newPassword", "currentPassword"]);

async function refuseBadText(request: Request): Promise<Response | null> {
  if (!isJsonMediaType(request.headers.get("content-type"))) return null; // Better Auth refuses it
  let body: unknown;
  try {
    body = JSON.parse(await request.clone().text());
  } catch {
    return null; // Better Auth answers malformed JSON itself
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== "string") continue;
    if (PASSWORD_FIELDS.has(key)) {
      if (value.includes("\u0000")) fields[key] = TEXT_MESSAGES.control;
      continue;
    }
    const check = key === "name" && new URL(request.url).pathname.endsWith("/update-user") ? NAME : ANY_TEXT;
    const parsed = check.safeParse(value);
    if (!parsed.success) fields[key] = parsed.error.issues[0].message;
  }
  return Object.keys(fields).length ? jsonError("BAD_REQUEST", "Some fields need attention.", fields) : null;
}
