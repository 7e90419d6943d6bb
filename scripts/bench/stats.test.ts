import { describe, expect, it } from "vitest";
import { formatMs, formatRate, formatRatio, localDay, markdownTable, memoryGrowth, percentile, ratio, resultStem, slope, summarize } from "./stats";

describe("percentile", () => {
  it("interpolates between the nearest ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentile([10], 95)).toBe(10);
    expect(percentile([0, 10], 95)).toBeCloseTo(9.5);
  });

  it("does not depend on the order of the samples, nor change them", () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(5);
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it("finds p95 of 1..100", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(percentile(samples, 95)).toBeCloseTo(95.05);
  });

  it("sorts numerically, not as strings", () => {
    expect(percentile([9, 10, 100], 50)).toBe(10);
  });

  it("rejects no samples and a bad percentile", () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("gives n, median, p95, min and max rounded to 0.01 ms", () => {
    const samples = [...Array.from({ length: 19 }, () => 10), 1000.004];
    expect(summarize(samples)).toEqual({ n: 20, median: 10, p95: 59.5, min: 10, max: 1000 });
    expect(summarize([1.234567])).toEqual({ n: 1, median: 1.23, p95: 1.23, min: 1.23, max: 1.23 });
  });

  it("rejects no samples", () => {
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe("markdownTable", () => {
  it("pads columns and marks right alignment", () => {
    const table = markdownTable(
      ["case", "ms"],
      [
        ["api", 1.5],
        ["page render", 22],
      ],
      ["left", "right"],
    );
    expect(table.split("\n")).toEqual(["| case        |  ms |", "|-------------|----:|", "| api         | 1.5 |", "| page render |  22 |"]);
  });

  it("escapes pipes in cells", () => {
    expect(markdownTable(["a"], [["x|y"]])).toContain("x\\|y");
  });
});

describe("formatMs", () => {
  it("keeps the digits that matter", () => {
    expect(formatMs(1.234)).toBe("1.23");
    expect(formatMs(14.26)).toBe("14.3");
    expect(formatMs(1234.5)).toBe("1235");
  });
});

describe("resultStem", () => {
  it("files by the local day and time, never overwriting", () => {
    const d = new Date(2026, 10, 25, 9, 5);
    expect(resultStem(d)).toBe("2026-11-25-0905");
    const taken = new Set(["2026-11-25-0905", "2026-11-25-0905-2"]);
    expect(resultStem(d, (s) => taken.has(s))).toBe("2026-11-25-0905-3");
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("ratio", () => {
  it("divides app by ceiling, rounded to 0.01", () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(1, 3)).toBe(0.33);
  });

  it("has no value without both sides or with a zero ceiling", () => {
    expect(ratio(undefined, 10)).toBeUndefined();
    expect(ratio(10, undefined)).toBeUndefined();
    expect(ratio(10, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 1)).toBeUndefined();
  });
});

describe("slope", () => {
  it("fits a straight line", () => {
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBeCloseTo(2);
    expect(
      slope([
        { x: 0, y: 5 },
        { x: 10, y: 5 },
      ]),
    ).toBe(0);
  });

  it("has no slope for one point or one x", () => {
    expect(slope([{ x: 1, y: 1 }])).toBeUndefined();
    expect(
      slope([
        { x: 1, y: 1 },
        { x: 1, y: 9 },
      ]),
    ).toBeUndefined();
  });
});

describe("memoryGrowth", () => {
  const flat = Array.from({ length: 16 }, (_, minute) => ({ minute, rssMb: minute < 5 ? 200 + minute * 20 : 300 + (minute % 2) }));

  it("ignores the warm-up third and finds no growth in a plateau", () => {
    const v = memoryGrowth(flat, 1);
    expect(v.growing).toBe(false);
    expect(Math.abs(v.slopeMbPerMin!)).toBeLessThan(0.2);
    expect(v.windowMinutes).toBe(10);
  });

  it("flags a steady climb above the threshold", () => {
    const leak = Array.from({ length: 16 }, (_, minute) => ({ minute, rssMb: 300 + minute * 3 }));
    expect(memoryGrowth(leak, 1)).toMatchObject({ growing: true, slopeMbPerMin: 3 });
  });

  it("has no verdict without samples", () => {
    expect(memoryGrowth([], 1).growing).toBeUndefined();
  });
});

describe("formatRate and formatRatio", () => {
  it("reads well in a table", () => {
    expect(formatRate(1234.4)).toBe("1,234");
    expect(formatRate(42.26)).toBe("42.3");
    expect(formatRate(undefined)).toBe("–");
    expect(formatRatio(0.5)).toBe("0.50");
    expect(formatRatio(undefined)).toBe("–");
  });
});
