import { describe, expect, it } from "vitest";
import { niceTicks, shownLabels, stepPath } from "./trend-geometry";

describe("niceTicks", () => {
  it("reaches a round top at or above the maximum in whole steps", () => {
    expect(niceTicks(9_234)).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000]);
    expect(niceTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("never steps by a fraction (counts are whole)", () => {
    for (const t of niceTicks(2)) expect(Number.isInteger(t)).toBe(true);
  });

  it("still draws an axis when everything is zero", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("shownLabels", () => {
  it("shows every month when few", () => {
    expect(shownLabels(6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("thins 24 months to 8 evenly spaced, keeping the latest", () => {
    const shown = shownLabels(24);
    expect(shown).toHaveLength(8);
    expect(shown.at(-1)).toBe(23);
    expect(new Set(shown.slice(1).map((v, i) => v - shown[i]))).toEqual(new Set([3]));
  });

  it("shows nothing for no months", () => {
    expect(shownLabels(0)).toEqual([]);
  });
});

describe("stepPath", () => {
  it("holds each value until the next point, then steps", () => {
    expect(
      stepPath([
        [0, 10],
        [50, 20],
        [100, 5],
      ]),
    ).toBe("M0 10H50V20H100V5");
  });

  it("is empty for no points", () => {
    expect(stepPath([])).toBe("");
  });
});
