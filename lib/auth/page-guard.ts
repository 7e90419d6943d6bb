import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission } from "./permissions";
import { getViewer, type Viewer } from "./session";

/**
 * The one rule for protected pages (docs/decisions/0065-protected-pages-403.md):
 * an anonymous visitor is sent to sign in and back; a signed-in reader whose
 * roles do not grant the page's permission gets 403 "Not allowed" (the page
 * exists, they may not use it: saying so is no leak, since the navigation
 * already shows who may). A project outside the reader's scope is different
 * and stays 404, like an unknown one: its existence is the secret.
 */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!can(viewer, permission)) forbidden();
  return viewer;
}
