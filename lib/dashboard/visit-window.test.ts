import { describe, expect, it } from "vitest";
import { afterDismiss, afterView, VISIT_GAP_MS, visitSinceAt, type VisitState } from "./visit-window";

const at = (minutes: number) => new Date(Date.UTC(2026, 5, 10, 8, 0) + minutes * 60_000);

describe("since your last visit", () => {
  it("has nothing to compare on a first visit", () => {
    expect(visitSinceAt({ lastSeenAt: null, visitSince: null }, at(0))).toBeNull();
  });

  it("keeps its starting point across reloads within a visit", () => {
    // Yesterday's visit ended at minute -1440; today's first view starts a new visit.
    let state: VisitState = { lastSeenAt: at(-1440), visitSince: at(-2000) };
    expect(visitSinceAt(state, at(0))).toEqual(at(-1440));
    state = afterView(state, at(0));
    // A reload, a language switch, a filter change: the same "since".
    for (const m of [1, 5, 20, 45]) {
      expect(visitSinceAt(state, at(m))).toEqual(at(-1440));
      state = afterView(state, at(m));
    }
    expect(state).toEqual({ lastSeenAt: at(45), visitSince: at(-1440) });
  });

  it("starts a new visit after a gap of more than 30 minutes", () => {
    const state = afterView({ lastSeenAt: at(-1440), visitSince: null }, at(0));
    expect(visitSinceAt(state, at(VISIT_GAP_MS / 60_000))).toEqual(at(-1440)); // exactly 30 minutes: same visit
    expect(visitSinceAt(state, at(31))).toEqual(at(0));
  });

  it("ends the visit when the reader dismisses the card", () => {
    const state = afterDismiss(at(10));
    expect(visitSinceAt(state, at(11))).toEqual(at(10));
    expect(visitSinceAt(afterView(state, at(11)), at(12))).toEqual(at(10));
  });
});
