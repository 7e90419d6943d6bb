import "server-only";
import { db } from "../db/client";
import { afterDismiss, afterView, visitSinceAt, type VisitState } from "./visit-window";

async function readVisitState(userId: string): Promise<VisitState | null> {
  const prisma = await db();
  return prisma.user.findUnique({ where: { id: userId }, select: { lastSeenAt: true, visitSince: true } });
}

/**
 * Where "since your last visit" starts for this user's view at `now` (null:
 * nothing to compare with). Read while rendering; the view itself is
 * recorded afterwards by recordDashboardVisit (lib/dashboard/visit-window.ts
 * has the rule).
 */
export async function getVisitSince({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<Date | null> {
  const state = await readVisitState(userId);
  return state ? visitSinceAt(state, now) : null;
}

/**
 * Marks that a user has seen the dashboard. Written after the page has shown
 * (by the browser, through app/dashboard/visit), never while rendering, so a
 * prefetch or a crawler does not count as a visit. A view within a visit
 * keeps its "since"; `dismiss` ends the visit: everything up to now is seen.
 */
export async function recordDashboardVisit({ userId, at = new Date(), dismiss = false }: { userId: string; at?: Date; dismiss?: boolean }): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const state = await tx.user.findUnique({ where: { id: userId }, select: { lastSeenAt: true, visitSince: true } });
    if (!state) return; // a user deleted meanwhile is not an error
    const next = dismiss ? afterDismiss(at) : afterView(state, at);
    // Guarded by the state read: two tabs recording at once cannot both move the visit on.
    await tx.user.updateMany({ where: { id: userId, lastSeenAt: state.lastSeenAt }, data: next });
  });
}
