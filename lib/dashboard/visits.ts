import "server-only";
import { db } from "../db/client";

/**
 * Marks that a user has seen the dashboard: their next visit's "since your
 * last visit" starts here. Written after the page has shown (by the browser,
 * through the route app/dashboard/visit/route.ts), never while rendering, so a prefetch or
 * a crawler does not count as a visit.
 */
export async function recordDashboardVisit({ userId, at = new Date() }: { userId: string; at?: Date }): Promise<void> {
  const prisma = await db();
  // updateMany: a user deleted meanwhile is not an error.
  await prisma.user.updateMany({ where: { id: userId }, data: { lastSeenAt: at } });
}
