import { describe, expect, it } from "vitest";
import {
  BenchUsageError,
  formatMs,
  localDay,
  markdownTable,
  parseBenchArgs,
  percentile,
  resultFileName,
  summarize,
} from "./bench-stats";

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
    const table = markdownTable(["case", "ms"], [["api", 1.5], ["page render", 22]], ["left", "right"]);
    expect(table.split("\n")).toEqual([
      "| case        |  ms |",
      "|-------------|----:|",
      "| api         | 1.5 |",
      "| page render |  22 |",
    ]);
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

describe("resultFileName", () => {
  it("never overwrites an earlier run of the day", () => {
    const taken = new Set(["2026-11-25-list.json", "2026-11-25-list-2.json"]);
    expect(resultFileName("2026-11-25", "list", (n) => taken.has(n))).toBe("2026-11-25-list-3.json");
    expect(resultFileName("2026-11-26", "list", (n) => taken.has(n))).toBe("2026-11-26-list.json");
  });

  it("files by the local day", () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("parseBenchArgs", () => {
  it("has the documented defaults", () => {
    expect(parseBenchArgs([])).toEqual({ suite: "list", size: 20000, requests: 200, port: 3100, keep: false, reseed: false, build: false });
  });

  it("reads the suite and options", () => {
    expect(parseBenchArgs(["list", "--size", "1000", "--requests=50", "--port", "3200", "--keep"])).toMatchObject({
      suite: "list",
      size: 1000,
      requests: 50,
      port: 3200,
      keep: true,
    });
  });

  it("knows the dashboard suite", () => {
    expect(parseBenchArgs(["dashboard", "--size", "20000"])).toMatchObject({ suite: "dashboard", size: 20000 });
  });

  it("rejects unknown suites, options and bad numbers", () => {
    expect(() => parseBenchArgs(["reports"])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(["--sise", "10"])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(["--size", "ten"])).toThrow(/--size/);
    expect(() => parseBenchArgs(["--size", "1e3"])).toThrow(/--size/);
    expect(() => parseBenchArgs(["--requests", "0"])).toThrow(/--requests/);
    expect(() => parseBenchArgs(["--port", "80"])).toThrow(/--port/);
  });
});
