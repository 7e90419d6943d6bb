import "server-only";
import { toNextJsHandler } from "better-auth/next-js";
import { jsonError, unexpectedErrorResponse } from "../http/json-error";
import { isJsonMediaType } from "../http/mutation-response";
import { text, TEXT_MESSAGES, token } from "../validation/text";
import { getAuth } from "./auth";

/**
 * /api/auth/*: Better Auth's handler, with the app's text rules in front of
 * it and the app's JSON error behind it. A NUL byte or a display name that
 * is not visible text reached the database and came back as an empty 500;
 * now it is a 400 with the app's error, and any 5xx is the app's generic one.
 * (Who may change which user is the organization work's: lib/auth/auth.ts.)
 */
const NAME = text({ max: 100, required: true, requiredMessage: "Enter a name." });
const ANY_TEXT = token({ max: 10_000 });
/** Passwords are whatever their owners chose; only NUL, which no system stores, is refused. */
const PASSWORD_FIELDS = new Set(["password", "newPassword", "currentPassword"]);

export async function handleAuthRequest(request: Request): Promise<Response> {
  try {
    if (request.method === "POST") {
      const refused = await refuseBadText(request);
      if (refused) return refused;
    }
    const handler = toNextJsHandler(await getAuth());
    const response = await (request.method === "GET" ? handler.GET(request) : handler.POST(request));
    if (response.status >= 500) return unexpectedErrorResponse(`${request.method} /api/auth`, new Error(`auth handler answered ${response.status}`));
    return response;
  } catch (err) {
    return unexpectedErrorResponse(`${request.method} /api/auth`, err);
  }
}

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
