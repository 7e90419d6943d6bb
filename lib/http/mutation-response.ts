import { NextResponse } from "next/server";
import { ERROR_STATUS } from "../errors";
import { englishFields } from "../i18n/english";
import type { MutationResult } from "../server/mutation";
import { jsonError } from "./json-error";
import { originRefusal } from "./origin";
import { bearerTokenOf } from "../tokens/token-secret";

/** A mutation's result as the API's JSON: the data, or `{ error: { code, message, fields?, current?, changesSince? } }`. */
export function mutationResponse<T>(result: MutationResult<T>, okStatus = 200): Response {
  if (result.ok) return NextResponse.json(result.data, { status: okStatus });
  // The API answers in English (its documented language): the key is for forms.
  const { code, english: message, fields: keyed, details, requestId } = result.error;
  const fields = keyed ? englishFields(keyed) : undefined;
  return NextResponse.json(
    {
      error: { code, message, ...(fields ? { fields } : {}), ...(details && typeof details === "object" ? details : {}), ...(requestId ? { requestId } : {}) },
    },
    { status: ERROR_STATUS[code] },
  );
}

/**
 * Cookie-authenticated writes must come from the app's own pages: a request
 * whose Origin is missing or foreign is refused (CSRF; the rule: lib/http/origin.ts). SameSite=Lax cookies
 * already keep most cross-site requests out; this closes the rest.
 */
export function checkOrigin(request: Request): Response | null {
  // A Bearer request is authenticated by its token alone (getViewer ignores its cookies), and a
  // cross-site page cannot set Authorization without a CORS preflight the app never grants: no CSRF to stop.
  if (bearerTokenOf(request.headers.get("authorization")) !== null) return null;
  const refusal = originRefusal(request);
  return refusal ? jsonError("FORBIDDEN", refusal) : null;
}

/** Reads a JSON body; a body that is not JSON is a 400, not a 500. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  if (!isJsonMediaType(request.headers.get("content-type")))
    return { ok: false, response: jsonError("BAD_REQUEST", "Send the body as JSON (Content-Type: application/json).") };
  const text = await request.text();
  if (text.length > 64_000) return { ok: false, response: jsonError("BAD_REQUEST", "The body is too large.") };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError("BAD_REQUEST", "The body is not valid JSON.") };
  }
}

/**
 * Whether a Content-Type names JSON: the media type before any parameters is
 * application/json (or a +json type), whatever the case; a parameter that
 * mentions JSON (`text/plain; charset=application/json`) does not count.
 */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";", 1)[0].trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
