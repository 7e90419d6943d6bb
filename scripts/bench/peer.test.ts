import { describe, expect, it } from "vitest";
import type { LoadResult } from "./load";
import { lodestoneFirst, nextPeerUpdate, peerCases, peerHeaders, peerRatio, peerRequests, summarizeRounds, type PeerPool } from "./peer";

const load = (rps: number): LoadResult => ({
  connections: 8,
  seconds: 10,
  responses: rps * 10,
  rps,
  latency: { n: rps * 10, median: 10, p95: 20, min: 1, max: 30 },
  statuses: { "200": rps * 10 },
  errors: 0,
  loadavg: [1, 1, 1],
});

describe("peer cases", () => {
  it("pairs each Lodestone request with Redmine's counterpart on the same project", () => {
    const cases = peerCases("syn-00001-copper-mine-cn");
    expect(cases.map((c) => [c.id, c.lodestone.method, c.lodestone.path, c.peer.method, c.peer.path])).toEqual([
      ["list-json", "GET", "/api/projects", "GET", "/projects.json?limit=25"],
      ["list-page", "GET", "/projects", "GET", "/projects?display_type=list"],
      ["project-page", "GET", "/projects/syn-00001-copper-mine-cn", "GET", "/projects/syn-00001-copper-mine-cn"],
      ["write", "PATCH", "/api/projects/<one of the pool>", "PUT", "/issues/<one of the pool>.json"],
    ]);
    // JSON and the write authenticate with the API key; pages with the session (or none)
    expect(cases.map((c) => c.peer.auth)).toEqual(["key", "session", "session", "key"]);
    expect(cases.filter((c) => c.lodestone.writes).map((c) => c.lodestone.as)).toEqual(["admin"]);
  });

  it("sends the API key, the page session, or nothing", () => {
    expect(peerHeaders({ apiKey: "k" }, "key")).toEqual({ "x-redmine-api-key": "k" });
    expect(peerHeaders({ apiKey: "k", cookie: "_redmine_session=s" }, "session")).toEqual({ cookie: "_redmine_session=s" });
    expect(peerHeaders({ apiKey: "k" }, "session")).toEqual({});
  });
});

describe("the peer's write", () => {
  it("goes round the pool, always changing the done ratio within 0-100, with a note", () => {
    const pool: PeerPool = {
      issues: [
        { id: 7, doneRatio: 100 },
        { id: 9, doneRatio: 0 },
      ],
      next: 0,
    };
    const first = nextPeerUpdate(pool);
    expect(first.path).toBe("/issues/7.json");
    expect(JSON.parse(first.body)).toEqual({ issue: { done_ratio: 99, notes: "Benchmark update" } });
    expect(JSON.parse(nextPeerUpdate(pool).body).issue.done_ratio).toBe(1);
    expect(nextPeerUpdate(pool).issue.id).toBe(7);
    expect(pool.issues[0].doneRatio).toBe(98);
  });

  it("builds each PUT from the pool when autocannon asks for it", () => {
    const pool: PeerPool = { issues: [{ id: 3, doneRatio: 40 }], next: 0 };
    const [request] = peerRequests({ method: "PUT", path: "/issues/<one of the pool>.json", auth: "key" }, { apiKey: "k" }, pool);
    expect(request.headers).toEqual({ "x-redmine-api-key": "k", "content-type": "application/json" });
    const built = request.setupRequest!({ method: "PUT" }, {}) as { path: string; body: string };
    expect(built.path).toBe("/issues/3.json");
    expect(JSON.parse(built.body).issue.done_ratio).toBe(41);
    const [get] = peerRequests({ method: "GET", path: "/projects", auth: "session" }, { apiKey: "k" }, pool);
    expect(get).toEqual({ method: "GET", path: "/projects", headers: {} });
  });
});

describe("ratios", () => {
  it("divides Lodestone's req/s by the peer's, and refuses a side that served nothing", () => {
    expect(peerRatio(300, 100)).toBe(3);
    expect(peerRatio(10, 30)).toBe(0.33);
    expect(peerRatio(10, 0)).toBeUndefined();
    expect(peerRatio(0, 10)).toBeUndefined();
    expect(peerRatio(undefined, 10)).toBeUndefined();
  });

  it("summarizes the rounds by the median ratio and its range", () => {
    const rounds = [
      { lodestone: load(300), peer: load(100), ratio: 3 },
      { lodestone: load(200), peer: load(100), ratio: 2 },
      { lodestone: load(400), peer: load(100), ratio: 4 },
    ];
    expect(summarizeRounds(8, rounds)).toMatchObject({ connections: 8, ratio: 3, minRatio: 2, maxRatio: 4 });
    const failed = summarizeRounds(8, [{ lodestone: load(0), peer: load(100), ratio: undefined }]);
    expect(failed.ratio).toBeUndefined();
  });

  it("alternates which side runs first", () => {
    expect([0, 1, 2, 3].map(lodestoneFirst)).toEqual([true, false, true, false]);
  });
});
