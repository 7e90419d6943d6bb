import { describe, expect, it } from "vitest";
import { bandFor, checkMatrix, scoreAssessment } from "./matrix";
import { DEFAULT_MATRIX_V1 } from "./reference-data";

// Written out by hand (not computed with the code under test): the band of every cell, probability rows 5 → 1, impact columns 1 → 5.
const EXPECTED_BANDS = [
  ["medium", "medium", "high", "high", "high"], // p5: 5 10 15 20 25
  ["low", "medium", "medium", "high", "high"], // p4: 4 8 12 16 20
  ["low", "medium", "medium", "medium", "high"], // p3: 3 6 9 12 15
  ["low", "low", "medium", "medium", "medium"], // p2: 2 4 6 8 10
  ["low", "low", "low", "low", "medium"], // p1: 1 2 3 4 5
];

describe("the default matrix", () => {
  it("is well formed", () => {
    expect(checkMatrix(DEFAULT_MATRIX_V1)).toEqual([]);
    expect(DEFAULT_MATRIX_V1.bands.map((b) => [b.key, b.shape])).toEqual([
      ["low", "circle"],
      ["medium", "triangle"],
      ["high", "square"],
    ]);
  });

  it.each(Array.from({ length: 25 }, (_, i) => [5 - Math.floor(i / 5), (i % 5) + 1] as const))("scores and bands cell p=%i i=%i", (p, i) => {
    const s = scoreAssessment(DEFAULT_MATRIX_V1, p, { cost: i });
    expect(s).toEqual({ probability: p, impact: i, score: p * i, band: EXPECTED_BANDS[5 - p][i - 1] });
  });

  it("takes the highest impact over the dimensions", () => {
    expect(scoreAssessment(DEFAULT_MATRIX_V1, 3, { cost: 2, schedule: 4, safety: 1 })).toEqual({ probability: 3, impact: 4, score: 12, band: "medium" });
    expect(scoreAssessment(DEFAULT_MATRIX_V1, 4, { reputation: 5, cost: 1 })).toMatchObject({ impact: 5, score: 20, band: "high" });
  });

  it("refuses levels and dimensions the matrix does not have", () => {
    expect(() => scoreAssessment(DEFAULT_MATRIX_V1, 0, { cost: 1 })).toThrow(RangeError);
    expect(() => scoreAssessment(DEFAULT_MATRIX_V1, 6, { cost: 1 })).toThrow(RangeError);
    expect(() => scoreAssessment(DEFAULT_MATRIX_V1, 2, { cost: 6 })).toThrow(RangeError);
    expect(() => scoreAssessment(DEFAULT_MATRIX_V1, 2, { weather: 3 })).toThrow(/unknown impact dimension/);
    expect(() => scoreAssessment(DEFAULT_MATRIX_V1, 2, {})).toThrow(/at least one/);
    expect(() => bandFor(DEFAULT_MATRIX_V1, 26)).toThrow(RangeError);
  });

  it("finds gaps and overlaps in bands", () => {
    const gap = { ...DEFAULT_MATRIX_V1, bands: [DEFAULT_MATRIX_V1.bands[0], { ...DEFAULT_MATRIX_V1.bands[2], min: 6 }] };
    expect(checkMatrix(gap)).toContain("band high must start at 5");
    const short = { ...DEFAULT_MATRIX_V1, bands: DEFAULT_MATRIX_V1.bands.slice(0, 2) };
    expect(checkMatrix(short)).toContain("bands must end at 25");
  });
});
