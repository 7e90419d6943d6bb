import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { markdownReport, memoryTable, otherStatuses, peerTable, resultsTable, sessionCostLines, summaryTable, type RunMeta } from "./report";
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

const withPeer: SuiteResult = {
  ...suite,
  framework: [load(2000, 0.5), { ...load(4000, 2), connections: 8 }],
  cases: [
    ...suite.cases,
    {
      id: "list-api-anonymous",
      name: "List API, anonymous",
      method: "GET",
      path: "/api/projects",
      sqlStatements: 2,
      levels: [
        { connections: 1, app: load(100, 10) },
        { connections: 8, app: load(160, 45) },
      ],
    },
  ],
  peer: {
    kind: "redmine",
    url: "http://127.0.0.1:3300",
    projects: 20000,
    pagesSignedIn: true,
    cases: [
      {
        id: "list-json",
        name: "List JSON",
        lodestonePath: "/api/projects",
        peerPath: "/projects.json?limit=25",
        lodestoneBytes: 15400,
        peerBytes: 32500,
        ceilingOf: "list-api",
        levels: [
          {
            connections: 8,
            rounds: [
              { lodestone: load(150, 50), peer: load(15, 400), ratio: 10 },
              { lodestone: load(130, 55), peer: load(10, 500, { "200": 90, "500": 2 }), ratio: 13 },
            ],
            ratio: 11.5,
            minRatio: 10,
            maxRatio: 13,
          },
        ],
      },
      {
        id: "write",
        name: "Write",
        lodestonePath: "/api/projects/<one of the pool>",
        peerPath: "/issues/<one of the pool>.json",
        ceilingOf: "status-update",
        levels: [
          { connections: 8, rounds: [{ lodestone: load(64, 100), peer: load(20, 300, { "204": 200 }), ratio: 3.2 }], ratio: 3.2, minRatio: 3.2, maxRatio: 3.2 },
        ],
      },
    ],
  },
};

const meta: RunMeta = {
  startedAt: "2026-12-08T04:00:00Z",
  finishedAt: "2026-12-08T04:30:00Z",
  command: "npm run bench -- --peer redmine --peer-key …",
  commit: "abc1234",
  node: "v20.20.2",
  cpus: 2,
  cpuModel: "x",
  memoryGb: 8,
  loadavgStart: [3, 2, 1],
  loadavgEnd: [4, 3, 2],
  durationSeconds: 10,
  ceilingSeconds: 5,
};

describe("peer report", () => {
  it("shows each round of both, the median ratio with its range, and Lodestone's ceilings beside them", () => {
    const lines = peerTable([withPeer]).split("\n");
    expect(lines).toHaveLength(4);
    // app/DB of list-api at 8 connections (0.17); app/static = mean Lodestone req/s (140) ÷ static at 8 (4000)
    expect(lines[2]).toMatch(
      /\| +20,000 \| list-json +\| +8 \| +150 \/ 130 \| +15\.0 \/ 10\.0 \| +11\.50 \| +10\.00–13\.00 \| +15\.4 \/ 32\.5 \| +0\.17 \| +0\.04 \| +2×500 \|/,
    );
    // Redmine's 204 is a success; a write has no byte size
    expect(lines[3]).toMatch(/\| write +\| +8 \| +64\.0 \| +20\.0 \| +3\.20 \| +3\.20–3\.20 \| +– \/ – \| +– \| +0\.02 \| +0 \|/);
  });

  it("compares the signed-in list API with the anonymous one", () => {
    expect(sessionCostLines([withPeer])).toEqual(["- postgres × 20,000: 0.80 at 1 conn (80.0 / 100 req/s), 0.94 at 8 conn (150 / 160 req/s)"]);
    expect(sessionCostLines([suite])).toEqual([]);
  });

  it("adds the peer section only when a peer was asked for, and says why one was skipped", () => {
    expect(markdownReport(meta, [suite])).not.toContain("Peer comparison");
    const report = markdownReport(meta, [withPeer, { ...suite, database: "pglite", peer: { kind: "redmine", skipped: "the peer runs on PostgreSQL" } }]);
    expect(report).toContain("## Peer comparison");
    expect(report).toContain("pages read signed in");
    expect(report).toContain("- pglite × 20,000: the peer runs on PostgreSQL");
    expect(report).toContain("Signed-in ÷ anonymous list API");
  });
});
