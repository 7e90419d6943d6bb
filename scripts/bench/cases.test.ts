import { describe, expect, it } from "vitest";
import { applyUpdateAnswer, benchCases, nextProgress, nextUpdate, type UpdatePool } from "./cases";

describe("status update requests", () => {
  it("always changes the progress and stays within 0-100", () => {
    expect(nextProgress(null)).toBe(50);
    expect(nextProgress(0)).toBe(1);
    expect(nextProgress(100)).toBe(99);
    expect(nextProgress(49)).toBe(50);
    expect(nextProgress(50)).toBe(49);
  });

  it("goes round the pool with each project's current version", () => {
    const pool: UpdatePool = {
      projects: [
        { slug: "syn-a", version: 3, progressPercent: 10 },
        { slug: "syn-b", version: 1, progressPercent: null },
      ],
      next: 0,
    };
    const first = nextUpdate(pool);
    expect(first.path).toBe("/api/projects/syn-a");
    expect(JSON.parse(first.body)).toEqual({ version: 3, progressPercent: 11, comment: "Benchmark update" });
    expect(nextUpdate(pool).project.slug).toBe("syn-b");
    expect(nextUpdate(pool).project.slug).toBe("syn-a");
  });

  it("takes the new state from a 200 and the current one from a 409", () => {
    const p = { slug: "syn-a", version: 3, progressPercent: 10 };
    applyUpdateAnswer(p, 200, JSON.stringify({ slug: "syn-a", version: 4, progressPercent: 11 }));
    expect(p).toMatchObject({ version: 4, progressPercent: 11 });
    applyUpdateAnswer(p, 409, JSON.stringify({ error: { code: "CONFLICT", current: { version: 7, progressPercent: null } } }));
    expect(p).toMatchObject({ version: 7, progressPercent: null });
    applyUpdateAnswer(p, 500, "<html>");
    expect(p.version).toBe(7);
  });
});

describe("benchCases", () => {
  it("has one case per id, the project page on the given slug", () => {
    const cases = benchCases("syn-00001-copper-mine-cn");
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.find((c) => c.id === "project-page")?.path).toBe("/projects/syn-00001-copper-mine-cn");
    expect(cases.filter((c) => c.writes).map((c) => c.id)).toEqual(["status-update"]);
  });
});

describe("loadSeconds", async () => {
  const { loadSeconds } = await import("./suite");
  it("keeps the duration for fast cases and lengthens slow ones, within a limit", () => {
    expect(loadSeconds(10, 20, 1, 32)).toBe(10); // 0.64 s a round
    expect(loadSeconds(10, 600, 1, 32)).toBe(40); // 19 s a round: capped
    expect(loadSeconds(10, 500, 1, 8)).toBe(12);
    expect(loadSeconds(10, undefined, undefined, 1)).toBe(10);
  });
});
