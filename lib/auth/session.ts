import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { bearerTokenOf } from "../tokens/token-secret";
import { viewerFromToken } from "../tokens/bearer";
import { loadAssignmentsWith } from "./assignments";
import { publicReadAllowed } from "../env";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import type { Role, RoleHolding } from "./permissions";
import { primaryRole } from "./primary-role";
import { createSessionCache, readAuthVersion } from "./session-cache";

export interface ViewerAssignment extends RoleHolding {
  unitId: string;
  unitCode: string;
}

export interface Viewer {
  id: string;
  name: string;
  email: string;
  /**
   * The role shown next to the name: the broadest one held (lib/auth/primary-role.ts).
   * What the viewer may do comes from `assignments`, never from this alone.
   * null when the user holds no role: such a user may do nothing.
   */
  role: Role | null;
  /** every (role, unit) the user holds; each applies to the unit's subtree */
  assignments: ViewerAssignment[];
  /** as of the session look-up: the session cache may hand it out up to 30 s old (the dashboard reads its own, lib/dashboard/visits.ts) */
  lastSeenAt: Date | null;
  /** the interface language the user chose (validated by the reader: lib/i18n/negotiate.ts); null: not chosen */
  locale: string | null;
  /**
   * Set when the request came with `Authorization: Bearer <API token>`
   * (lib/tokens/bearer.ts): a READ token may not change anything (mutate()
   * refuses), and a token may not mint or revoke tokens.
   */
  token?: { id: string; kind: "personal" | "service"; scope: "read" | "write" };
}

/** This instance's signed-in viewers, reused while the database's auth version stands (lib/auth/session-cache.ts). */
const sessions = createSessionCache<Viewer>(async () => readAuthVersion(await db()));

/**
 * The signed-in user of this request, or null. Memoized per request, with the
 * role assignments loaded once; across requests, a short per-instance cache
 * that any sign-out, disable or role change ends at once, on every instance.
 * A request without a session cookie looks nothing up. A request with an
 * `Authorization: Bearer` header is authenticated by that API token alone (its
 * cookie is ignored): an invalid, expired or revoked token is a 401, never a
 * fallback to the session or to anonymous reading.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers();
  const bearer = bearerTokenOf(requestHeaders.get("authorization"));
  if (bearer !== null) return viewerFromToken(bearer);
  return sessions.viewerFor(requestHeaders, () => lookUpSession(requestHeaders));
});

/** The library's session look-up (the cookie's signature, the session and user rows), then the user's assignments. */
async function lookUpSession(requestHeaders: Headers): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  const u = session.user as typeof session.user & { lastSeenAt?: Date | null; locale?: string | null };
  const assignments = await loadAssignments(u.id);
  const viewer: Viewer = {
    id: u.id,
    name: u.name,
    email: u.email,
    role: primaryRole(assignments),
    assignments,
    lastSeenAt: u.lastSeenAt ?? null,
    locale: u.locale ?? null,
  };
  return { viewer, expiresAt: new Date(session.session.expiresAt) };
}

/** A user's role assignments with their units' current paths. */
export async function loadAssignments(userId: string): Promise<ViewerAssignment[]> {
  return loadAssignmentsWith(await db(), userId);
}

/**
 * For pages: the viewer, after making sure this visitor may read at all
 * (anonymous reading is a setting). Sends anonymous visitors to sign in when
 * reading needs it.
 */
export async function requireReader(returnTo: string): Promise<Viewer | null> {
  const viewer = await getViewer();
  if (!viewer && !publicReadAllowed()) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** For API routes: same rule, as an error the route turns into 401. */
export async function assertReader(): Promise<Viewer | null> {
  const viewer = await getViewer();
  if (!viewer && !publicReadAllowed()) throw new AppError("UNAUTHENTICATED", "signInToRead");
  return viewer;
}
