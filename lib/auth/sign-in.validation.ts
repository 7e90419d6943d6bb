import { z } from "zod";
import { token } from "../validation/text";

export const signInSchema = z
  .object({
    email: z
      .email("enterEmail")
      .max(320)
      .transform((e) => e.toLowerCase()),
    password: z.string().min(1, "enterPassword").max(128, "atMost"),
    next: token({ max: 500 }).optional(),
  })
  .strict();

/** Stands for the app's own origin when resolving a return path: only the result's origin is compared. */
const OWN_ORIGIN = "http://lodestone.invalid";
/** White space or control characters: browsers drop tabs and newlines inside URLs, so "/\t/evil.example" becomes "//evil.example". */
const UNSAFE_IN_PATH = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;

/**
 * Where to go after signing in: only a path on this site (no open redirect).
 * `next` is resolved the way a browser would resolve it against the app's
 * origin; anything that lands on another origin, or that carries white space
 * or control characters (which browsers strip before resolving), is refused.
 */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || UNSAFE_IN_PATH.test(next)) return "/";
  let resolved: URL;
  try {
    resolved = new URL(next, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (resolved.origin !== OWN_ORIGIN) return "/";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/**
 * The error code a failed single sign-on returns with (?error=<code>), or
 * null. Only its safe characters are kept: the query string is the visitor's
 * to write, and the page shows an unknown code as it is.
 */
export function ssoErrorCode(raw: string | undefined): string | null {
  if (!raw) return null;
  const code = raw.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 60);
  return code || null;
}
