import { describe, expect, it } from "vitest";
import {
  aggregatesOf,
  currentReportingPeriod,
  dueDate,
  isPackPeriod,
  isPeriodId,
  packMonths,
  monthsOf,
  periodBounds,
  quarterOf,
  reminderStage,
  shiftPeriod,
  yearOf,
} from "./periods";
import { canonicalJson, contentHash } from "./hash";

const rule = { dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10 };
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("reporting periods", () => {
  it("are months; quarters and years are derived", () => {
    expect(isPeriodId("2026-10")).toBe(true);
    for (const bad of ["2026-13", "2026-1", "26-10", "2026-00", ""]) expect(isPeriodId(bad)).toBe(false);
    expect(periodBounds("2024-02")).toEqual({ id: "2024-02", startsOn: day("2024-02-01"), endsOn: day("2024-02-29") });
    expect(shiftPeriod("2026-01", -1)).toBe("2025-12");
    expect(shiftPeriod("2026-12", 1)).toBe("2027-01");
    expect(quarterOf("2026-11")).toBe("2026-Q4");
    expect(yearOf("2026-11")).toBe("2026");
    expect(monthsOf("2026-Q1")).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(monthsOf("2026")).toHaveLength(12);
    expect(currentReportingPeriod(day("2026-01-03"))).toBe("2025-12");
  });

  it("names a pack by a month, a quarter or a year", () => {
    for (const ok of ["2026-10", "2026-Q3", "2026"]) expect(isPackPeriod(ok), ok).toBe(true);
    for (const bad of ["2026-Q5", "2026-Q0", "2026Q3", "26", "2026-13", "Q3", ""]) expect(isPackPeriod(bad), bad).toBe(false);
    expect(packMonths("2026-10")).toEqual(["2026-10"]);
    expect(packMonths("2026-Q3")).toEqual(["2026-07", "2026-08", "2026-09"]);
    expect(packMonths("2026")[11]).toBe("2026-12");
    expect(aggregatesOf(["2026-01", "2025-12", "2025-11", "2025-09"])).toEqual({ quarters: ["2026-Q1", "2025-Q4", "2025-Q3"], years: ["2026", "2025"] });
  });

  it("are due on the rule's day of the next month, clamped to its length", () => {
    expect(dueDate("2026-10", rule)).toEqual(day("2026-11-05"));
    expect(dueDate("2026-01", { dueDay: 31 })).toEqual(day("2026-02-28"));
    expect(dueDate("2026-12", rule)).toEqual(day("2027-01-05"));
  });

  it("climb the reminder ladder: remind, due, PMO, group", () => {
    const at = (d: string) => reminderStage("2026-10", rule, day(d));
    expect(at("2026-11-01")).toBe("none");
    expect(at("2026-11-02")).toBe("remind");
    expect(at("2026-11-05")).toBe("remind");
    expect(at("2026-11-06")).toBe("due");
    expect(at("2026-11-08")).toBe("escalate-pmo");
    expect(at("2026-11-14")).toBe("escalate-pmo");
    expect(at("2026-11-15")).toBe("escalate-group");
  });
});

describe("content hash", () => {
  it("does not depend on key order and changes with any value", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
  });
});
