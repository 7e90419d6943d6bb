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
export async function requirePagePermission(permission: Permission | readonly Permission[], returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  // Several permissions: any one of them opens the page (e.g. capex or KPI reference data).
  const any = typeof permission === "string" ? [permission] : permission;
  if (!any.some((p) => can(viewer, p))) forbidden();
  return viewer;
}
