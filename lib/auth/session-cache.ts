import "server-only";
import { getSessionCookie } from "better-auth/cookies";
import type { PrismaClient } from "../db/generated/client";

/**
 * A short per-instance cache of signed-in viewers (issue 20: the session
 * lookup — the cookie's signature, the session and user rows, the role
 * assignments — ran on every request). Never a stale grant: an entry is used
 * only while the database's auth version (one row, moved by triggers in the
 * same transaction as every sign-out, disable, role or unit change:
 * prisma/migrations/20261208040000_auth_version) is the one it was stored
 * under, so a change made through any instance is seen by every instance on
 * the next request. One primary-key read replaces three queries and the
 * library's work. docs/decisions/0075.
 *
 * The key is the session cookie's whole signed value: a hit means that exact
 * value was verified by the library before, so the signature need not be
 * checked again. Failed look-ups are never stored (an attacker's made-up
 * cookies would only fill the cache).
 */

/** An upper bound even when nothing moved the version (a change made outside the triggers' reach). */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;

interface Entry<V> {
  viewer: V;
  version: bigint;
  storedAt: number;
  /** the session's own expiry: never served past it */
  expiresAt: number;
}

export interface SessionCache<V> {
  /**
   * The viewer of a request: null at once without a session cookie (no look-up, no query); else
   * from the cache when still current, or from `load` (the library's look-up), then stored.
   */
  viewerFor(requestHeaders: Headers, load: () => Promise<{ viewer: V; expiresAt: Date } | null>): Promise<V | null>;
  clear(): void;
  readonly size: number;
}

export function createSessionCache<V>(readVersion: () => Promise<bigint | null>, now: () => number = Date.now): SessionCache<V> {
  const entries = new Map<string, Entry<V>>();
  return {
    async viewerFor(requestHeaders, load) {
      const cookie = getSessionCookie(requestHeaders);
      if (!cookie) return null;
      // Read before looking up: a change committed in between leaves the entry under the older version, so it is not reused.
      const version = await readVersion();
      if (version === null) return (await load())?.viewer ?? null;
      const hit = entries.get(cookie);
      const t = now();
      if (hit && hit.version === version && t - hit.storedAt < SESSION_CACHE_TTL_MS && t < hit.expiresAt) return hit.viewer;
      if (hit) entries.delete(cookie);
      const found = await load();
      if (!found) return null;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string); // the oldest stored
      entries.set(cookie, { viewer: found.viewer, version, storedAt: t, expiresAt: found.expiresAt.getTime() });
      return found.viewer;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/** The database's auth version; null when its row is missing (then nothing is cached). */
export async function readAuthVersion(prisma: PrismaClient): Promise<bigint | null> {
  const row = await prisma.authVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? null;
}
