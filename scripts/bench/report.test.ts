import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { memoryTable, otherStatuses, resultsTable, summaryTable } from "./report";
import type { SuiteResult } from "./suite";

const load = (rps: number, median: number, statuses: Record<string, number> = { "200": 100 }, errors = 0): LoadResult => ({
  connections: 1,
  seconds: 10,
  responses: 100,
  rps,
  latency: { n: 100, median, p95: median * 2, min: 1, max: median * 3 },
  statuses,
  errors,
  loadavg: [0.5, 0.5, 0.5],
});

const suite: SuiteResult = {
  database: "postgres",
  size: 20000,
  seededAt: "2026-11-25T00:00:00Z",
  coldStartMs: 900,
  memory: { restMb: { appMb: 200, treeMb: 260 }, peakMb: { appMb: 310, treeMb: 370 }, afterMb: { appMb: 290, treeMb: 350 } },
  framework: [load(2000, 0.5)],
  cases: [
    {
      id: "list-api",
      name: "List API",
      method: "GET",
      path: "/api/projects",
      sqlStatements: 4,
      levels: [
        { connections: 1, app: load(80, 12), dbCeiling: load(400, 2.4), frameworkCeiling: load(2000, 0.5), appToDb: 0.2, appToFramework: 0.04 },
        {
          connections: 8,
          app: load(150, 50, { "200": 90, "409": 3 }),
          dbCeiling: load(900, 8),
          frameworkCeiling: load(4000, 2),
          appToDb: 0.17,
          appToFramework: 0.04,
        },
      ],
    },
  ],
};

describe("report", () => {
  it("lists responses other than 200 and connection errors", () => {
    expect(otherStatuses(load(1, 1))).toBe("0");
    expect(otherStatuses(load(1, 1, { "200": 5, "409": 3, "500": 1 }))).toBe("3×409 1×500");
    expect(otherStatuses(load(1, 1, { "200": 5 }, 2))).toBe("2×err");
  });

  it("has one row per database, size, case and connection count, with the ratios", () => {
    const lines = resultsTable([suite]).split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /\| postgres \| +20,000 \| list-api +\| +1 \| +12\.0 \| +24\.0 \| +80\.0 \| +0 \| +2\.40 \| +400 \| +0\.20 \| +2,000 \| +0\.04 \|/,
    );
    expect(lines[3]).toContain("3×409");
  });

  it("summarizes one size for the README and lists memory", () => {
    const summary = summaryTable([suite], 20000);
    expect(summary).toContain("req/s @1/8");
    expect(summary).toMatch(/list-api \| postgres \| +12\.0 \| +80\.0 \/ 150 \| +100 \| +0\.17 \| +0\.04/);
    expect(memoryTable([suite])).toMatch(/postgres \| +20,000 \| +reused \| +900 \| +200 \| +310 \| +290/);
  });
});
