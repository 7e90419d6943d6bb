import { describe, expect, it } from "vitest";
import { formatFuzzyDate, normalizeFuzzy, periodOf, slipDays } from "./fuzzy-date";

const day = (date: string) => ({ date, precision: "DAY" as const });

describe("periodOf", () => {
  it("spans the whole period of each precision", () => {
    expect(periodOf({ date: "2024-01-01", precision: "YEAR" }).end.toISOString().slice(0, 10)).toBe("2024-12-31");
    expect(periodOf({ date: "2024-05-01", precision: "QUARTER" }).start.toISOString().slice(0, 10)).toBe("2024-04-01");
    expect(periodOf({ date: "2024-05-01", precision: "QUARTER" }).end.toISOString().slice(0, 10)).toBe("2024-06-30");
    expect(periodOf({ date: "2024-02-10", precision: "MONTH" }).end.toISOString().slice(0, 10)).toBe("2024-02-29");
  });
  it("normalizes to the first day of the period", () => {
    expect(normalizeFuzzy({ date: "2024-08-17", precision: "QUARTER" })).toEqual({ date: "2024-07-01", precision: "QUARTER" });
  });
});

describe("slipDays", () => {
  it("counts days late and early between exact dates", () => {
    expect(slipDays(day("2024-03-01"), day("2024-03-11"))).toBe(10);
    expect(slipDays(day("2024-03-11"), day("2024-03-01"))).toBe(-10);
    expect(slipDays(day("2024-03-01"), day("2024-03-01"))).toBe(0);
  });
  it("is zero when a coarse date overlaps the baseline's period", () => {
    expect(slipDays({ date: "2024-01-01", precision: "YEAR" }, day("2024-06-15"))).toBe(0);
    expect(slipDays(day("2024-06-15"), { date: "2024-01-01", precision: "YEAR" })).toBe(0);
  });
  it("counts only the certain slip past the baseline period", () => {
    // baseline "2024", forecast Q1 2025: at least one day late (31 Dec → 1 Jan)
    expect(slipDays({ date: "2024-01-01", precision: "YEAR" }, { date: "2025-01-01", precision: "QUARTER" })).toBe(1);
    expect(slipDays(day("2024-12-31"), { date: "2025-03-01", precision: "MONTH" })).toBe(60);
  });
  it("is null without both dates", () => {
    expect(slipDays(null, day("2024-01-01"))).toBeNull();
    expect(slipDays(day("2024-01-01"), null)).toBeNull();
  });
});

describe("formatFuzzyDate", () => {
  it("shows only what is known", () => {
    expect(formatFuzzyDate({ date: "2024-01-01", precision: "YEAR" })).toBe("2024");
    expect(formatFuzzyDate({ date: "2024-07-01", precision: "QUARTER" })).toBe("Q3 2024");
    expect(formatFuzzyDate({ date: "2024-03-01", precision: "MONTH" })).toBe("Mar 2024");
    expect(formatFuzzyDate(day("2024-03-12"))).toBe("Mar 12, 2024");
    expect(formatFuzzyDate(null)).toBe("");
  });
  it("formats in Chinese", () => {
    expect(formatFuzzyDate({ date: "2024-12-01", precision: "MONTH" }, "zh-CN")).toBe("2024年12月");
    expect(formatFuzzyDate({ date: "2024-01-01", precision: "YEAR" }, "zh-CN")).toBe("2024年");
  });
});
