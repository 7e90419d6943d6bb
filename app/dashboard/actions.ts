"use server";

import { getViewer } from "@/lib/auth/session";
import { recordDashboardVisit } from "@/lib/dashboard/visits";

/** The signed-in viewer has seen the dashboard (see lib/dashboard/visits.ts). Anonymous visits are not recorded. */
export async function markDashboardSeen(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await recordDashboardVisit({ userId: viewer.id });
}
