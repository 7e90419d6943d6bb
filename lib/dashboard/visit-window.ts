/**
 * "Since your last visit" without the database: a visit is a run of
 * dashboard views with no gap longer than VISIT_GAP_MS. Reloading, switching
 * the language or changing a filter within a visit keeps its starting point;
 * coming back after the gap starts a new visit, whose "since" is the last
 * view of the previous one. Dismissing the card ends the visit on the spot.
 */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface VisitState {
  /** the last dashboard view */
  lastSeenAt: Date | null;
  /** where the current visit's "since" starts */
  visitSince: Date | null;
}

/** Whether a view at `now` starts a new visit. */
export function startsNewVisit(state: VisitState, now: Date): boolean {
  return state.lastSeenAt === null || now.getTime() - state.lastSeenAt.getTime() > VISIT_GAP_MS;
}

/** What "since your last visit" starts at for a view at `now` (null: a first visit, nothing to compare). */
export function visitSinceAt(state: VisitState, now: Date): Date | null {
  if (startsNewVisit(state, now)) return state.lastSeenAt;
  // Written before visitSince existed: the previous view is the best guess.
  return state.visitSince ?? state.lastSeenAt;
}

/** The state after a view at `now`. */
export function afterView(state: VisitState, now: Date): VisitState {
  return { lastSeenAt: now, visitSince: visitSinceAt(state, now) };
}

/** The state after the reader dismissed the card at `now`: everything up to now counts as seen. */
export function afterDismiss(now: Date): VisitState {
  return { lastSeenAt: now, visitSince: now };
}
