import "server-only";
import { requireReader, type Viewer } from "../auth/session";

/**
 * The dashboard's reader: sign-in's rule for who may read (anonymous
 * reading is a setting), and the signed-in viewer, whose lastSeenAt drives
 * "since your last visit". One seam, so the dashboard depends on sign-in here only.
 */
export async function getDashboardViewer(returnTo: string): Promise<Pick<Viewer, "id" | "name" | "lastSeenAt" | "role" | "assignments"> | null> {
  return requireReader(returnTo);
}
