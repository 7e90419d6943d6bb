import { describe, expect, it } from "vitest";
import { TICK_WIDTH, timelineScale } from "./timeline-scale";
import type { TimelineProject } from "./timeline-types";

const project = (over: Partial<TimelineProject>): TimelineProject => ({
  slug: "p",
  nameEn: "P",
  nameZh: null,
  health: "ON_TRACK",
  stage: "CONSTRUCTION",
  start: null,
  baselineFinish: null,
  forecastFinish: null,
  actualFinish: null,
  milestones: [],
  ...over,
});

const TODAY = new Date("2026-11-25T00:00:00Z");

describe("timeline scale", () => {
  it("spans whole years around every date and today, a tick per year", () => {
    const s = timelineScale(
      [project({ start: { date: "2023-01-01", precision: "YEAR" }, forecastFinish: { date: "2027-07-01", precision: "QUARTER" } })],
      "year",
      TODAY,
    );
    expect(s.start.toISOString().slice(0, 10)).toBe("2023-01-01");
    expect(s.end.toISOString().slice(0, 10)).toBe("2028-01-01");
    expect(s.ticks.map((t) => t.year)).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(s.width).toBe(5 * TICK_WIDTH);
    expect(s.ticks[0].left).toBe(0);
    const last = s.ticks.at(-1)!;
    expect(last.left + last.width).toBeCloseTo(100, 6);
  });

  it("spans whole quarters when zoomed in, and includes milestone dates", () => {
    const s = timelineScale(
      [
        project({
          forecastFinish: { date: "2026-12-01", precision: "MONTH" },
          milestones: [
            {
              id: "m",
              title: "M",
              titleZh: null,
              state: "PLANNED",
              baseline: { date: "2026-02-14", precision: "DAY" },
              forecast: null,
              actual: null,
              slipDays: null,
            },
          ],
        }),
      ],
      "quarter",
      TODAY,
    );
    expect(s.ticks.map((t) => `Q${t.quarter} ${t.year}`)).toEqual(["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026"]);
  });

  it("places a span from the start of one period to the end of another, and a period alone", () => {
    const s = timelineScale(
      [project({ start: { date: "2024-01-01", precision: "YEAR" }, baselineFinish: { date: "2025-01-01", precision: "YEAR" } })],
      "year",
      new Date("2025-06-01T00:00:00Z"),
    );
    // Two years in view: 2024 is the first half, 2025 the second.
    expect(s.span({ date: "2024-01-01", precision: "YEAR" }, { date: "2025-01-01", precision: "YEAR" })).toEqual({ left: 0, width: 100 });
    const y2025 = s.period({ date: "2025-01-01", precision: "YEAR" });
    expect(y2025.left).toBeCloseTo((366 / 731) * 100, 6); // 2024 is a leap year
    expect(y2025.left + y2025.width).toBeCloseTo(100, 6);
    expect(s.at(new Date("2025-06-01T00:00:00Z"))).toBeGreaterThan(y2025.left);
  });

  it("still has a range with nothing dated: the year of today", () => {
    const s = timelineScale([project({})], "year", TODAY);
    expect(s.ticks.map((t) => t.year)).toEqual([2026]);
    expect(s.at(TODAY)).toBeGreaterThan(0);
    expect(s.at(TODAY)).toBeLessThan(100);
  });
});
