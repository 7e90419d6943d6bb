import { describe, expect, it } from "vitest";
import { formatFuzzyDate } from "./fuzzy-date";
import { dateFromParts, partsOf, withPrecision } from "./fuzzy-date-parts";
import { fuzzyDateSchema } from "./fuzzy-date.validation";

describe("pickers by precision (issue 17.22)", () => {
  it("30 June by month is June: stored as its first day, shown as June, back in the month picker as June", () => {
    const date = withPrecision("2027-06-30", "MONTH");
    expect(date).toBe("2027-06-01");
    expect(partsOf(date).month).toBe("2027-06");
    expect(formatFuzzyDate({ date, precision: "MONTH" }, "en")).toBe("Jun 2027");
    expect(dateFromParts("MONTH", { month: "2027-06" })).toBe("2027-06-01");
  });

  it("keeps the period when the precision changes", () => {
    expect(withPrecision("2027-08-17", "QUARTER")).toBe("2027-07-01");
    expect(withPrecision("2027-08-17", "YEAR")).toBe("2027-01-01");
    expect(withPrecision("2027-08-01", "DAY")).toBe("2027-08-01");
    expect(withPrecision("", "MONTH")).toBe("");
    expect(withPrecision("2027-02-30", "MONTH")).toBe("");
  });

  it("a quarter is a year and a quarter, a year is a year", () => {
    expect(dateFromParts("QUARTER", { year: "2026", quarter: 3 })).toBe("2026-07-01");
    expect(dateFromParts("QUARTER", { year: "2026", quarter: 4 })).toBe("2026-10-01");
    expect(partsOf("2026-10-01")).toMatchObject({ year: "2026", quarter: 4 });
    expect(dateFromParts("YEAR", { year: "2031" })).toBe("2031-01-01");
    expect(partsOf("2031-01-01").year).toBe("2031");
  });

  it("an empty picker is 'not set'", () => {
    for (const p of ["DAY", "MONTH", "QUARTER", "YEAR"] as const) expect(dateFromParts(p, {})).toBe("");
    expect(dateFromParts("QUARTER", { year: "", quarter: 2 })).toBe("");
  });

  it("an unfinished year is refused by the shared schema with the range message, not accepted", () => {
    for (const year of ["20", "99999"]) {
      const result = fuzzyDateSchema.safeParse({ date: dateFromParts("YEAR", { year }), precision: "YEAR" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe("dateRange");
    }
    // ...and it stays as typed in the picker while the user finishes it.
    expect(partsOf(dateFromParts("YEAR", { year: "20" })).year).toBe("20");
  });
});
