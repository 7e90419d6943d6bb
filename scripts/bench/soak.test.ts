import { describe, expect, it } from "vitest";
import { perMinute, pickKind, SOAK_MIX } from "./soak";

describe("soak", () => {
  it("picks kinds by weight", () => {
    expect(pickKind(0)).toBe(SOAK_MIX[0].kind);
    expect(pickKind(0.999999)).toBe(SOAK_MIX[SOAK_MIX.length - 1].kind);
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) counts.set(pickKind(i / 1000), (counts.get(pickKind(i / 1000)) ?? 0) + 1);
    const total = SOAK_MIX.reduce((s, m) => s + m.weight, 0);
    for (const m of SOAK_MIX) expect(counts.get(m.kind)).toBeCloseTo((1000 * m.weight) / total, -1);
  });

  it("buckets requests and memory per minute, counting errors and conflicts apart", () => {
    const rows = perMinute(
      [
        { minute: 0, kind: "list-api", status: 200, ms: 10 },
        { minute: 0, kind: "status-update", status: 409, ms: 20 },
        { minute: 1, kind: "export-csv", status: 500, ms: 30 },
        { minute: 1, kind: "list-api", status: 0, ms: 30_000 },
        { minute: 1, kind: "list-api", status: 400, ms: 5 },
      ],
      [
        { minute: 0.1, rssMb: 300 },
        { minute: 0.9, rssMb: 310 },
        { minute: 1.5, rssMb: 320 },
      ],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ minute: 1, requests: 2, errors: 0, conflicts: 1, rssMb: 305, rssMaxMb: 310 });
    expect(rows[1]).toMatchObject({ minute: 2, requests: 3, errors: 3, conflicts: 0, rssMb: 320 });
  });
});
