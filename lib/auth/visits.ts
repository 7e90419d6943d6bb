import "server-only";
import { db } from "../db/client";
import type { Viewer } from "./session";

/**
 * "Since your last visit": the dashboard shows changes after the viewer's
 * previous visit (viewer.lastSeenAt, read before this call) and then records
 * this visit. Not audited: it is a bookmark, not a change to the portfolio.
 */
export async function recordDashboardVisit(viewer: Viewer, now = new Date()): Promise<void> {
  await (await db()).user.update({ where: { id: viewer.id }, data: { lastSeenAt: now } });
}
