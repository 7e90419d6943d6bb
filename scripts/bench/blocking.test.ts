import { describe, expect, it } from "vitest";
import { totalBlockingTime } from "./blocking";

describe("totalBlockingTime", () => {
  it("sums the part of each long task beyond 50 ms", () => {
    expect(
      totalBlockingTime(
        [
          { start: 100, duration: 120 },
          { start: 300, duration: 60 },
        ],
        0,
      ),
    ).toBe(70 + 10);
  });

  it("ignores tasks of 50 ms or less and those before the first paint", () => {
    expect(
      totalBlockingTime(
        [
          { start: 10, duration: 200 },
          { start: 500, duration: 50 },
        ],
        400,
      ),
    ).toBe(0);
  });

  it("counts a task that straddles the first paint from the paint on", () => {
    // 300–500 ms, paint at 380: 120 ms after the paint, 70 of them blocking.
    expect(totalBlockingTime([{ start: 300, duration: 200 }], 380)).toBe(70);
  });

  it("stops at the end of the window", () => {
    expect(totalBlockingTime([{ start: 0, duration: 300 }], 0, 100)).toBe(50);
  });

  it("is zero without long tasks", () => {
    expect(totalBlockingTime([], 0)).toBe(0);
  });
});
