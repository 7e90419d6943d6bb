import { createHash, randomBytes } from "node:crypto";

/**
 * API tokens look like `lds_<43 base64url characters>`: 256 random bits behind
 * a prefix that secret scanners (and people) recognize. Only the sha256 is
 * stored: a token this random needs no slow hash, and one lookup by the
 * unique hash finds it. The first 12 characters are kept to tell tokens apart
 * in lists; they carry 48 of the 256 bits, too few to help a guess.
 */
export const TOKEN_PREFIX = "lds_";
export const TOKEN_PATTERN = /^lds_[A-Za-z0-9_-]{43}$/;
const SHOWN_PREFIX_LENGTH = 12;

export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, SHOWN_PREFIX_LENGTH), hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * The token of an `Authorization: Bearer …` header ("" for a Bearer header
 * with nothing usable after it, still a Bearer request), or null when the
 * request does not use Bearer at all (then the session cookie applies).
 */
export function bearerTokenOf(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const m = /^\s*bearer(?:\s+(.*))?$/i.exec(authorization);
  return m ? (m[1] ?? "").trim() : null;
}
