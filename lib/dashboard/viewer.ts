import "server-only";
import { requireReader, type Viewer } from "../auth/session";
import { getVisitSince } from "./visits";

/**
 * The dashboard's reader: sign-in's rule for who may read (anonymous
 * reading is a setting), and for a signed-in viewer where "since your last
 * visit" starts. One seam, so the dashboard depends on sign-in here only.
 */
export async function getDashboardViewer(returnTo: string): Promise<(Pick<Viewer, "id" | "name" | "role" | "assignments"> & { since: Date | null }) | null> {
  const viewer = await requireReader(returnTo);
  if (!viewer) return null;
  return { id: viewer.id, name: viewer.name, role: viewer.role, assignments: viewer.assignments, since: await getVisitSince({ userId: viewer.id }) };
}
