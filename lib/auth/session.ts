import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { publicReadAllowed } from "../env";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import { isRole, type Role } from "./permissions";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is unknown: such a user may do nothing */
  role: Role | null;
  lastSeenAt: Date | null;
  /** the interface language the user chose (validated by the reader: lib/i18n/negotiate.ts); null: not chosen */
  locale: string | null;
}

/** The signed-in user of this request, or null. Memoized per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session || session.user.banned) return null;
  const u = session.user as typeof session.user & { lastSeenAt?: Date | null; locale?: string | null };
  return { id: u.id, name: u.name, email: u.email, role: isRole(u.role) ? u.role : null, lastSeenAt: u.lastSeenAt ?? null, locale: u.locale ?? null };
});

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
  if (!viewer && !publicReadAllowed()) throw new AppError("UNAUTHENTICATED", "Sign in to read the portfolio.");
  return viewer;
}
