import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { describe, expect, it } from "vitest";
import { figureLinks } from "./figure-links";
import { dashboardHref, NO_FILTERS, parseDashboardParams, projectsHref } from "./filters";
import { memoize } from "./memo";
import { periodStartsContaining } from "./sql";
import { addDays, assertIsoDay, portfolioToday } from "../dates/portfolio-day";
import { monthStarts, zonedMidnight } from "./trend";
import type { PortfolioFigures } from "./types";

describe("dashboard filters", () => {
  it("keeps valid regions and lines, repeated or comma-separated", () => {
    expect(parseDashboardParams({ region: ["AFRICA", "CHINA"], line: "BASE_METALS,FERROUS_METALS" }, WHOLE_PORTFOLIO)).toEqual({
      filters: { region: ["AFRICA", "CHINA"], line: ["BASE_METALS", "FERROUS_METALS"], org: [], scope: WHOLE_PORTFOLIO },
      ignored: [],
    });
    expect(parseDashboardParams(new URLSearchParams("region=AFRICA&region=AFRICA"), WHOLE_PORTFOLIO)).toEqual({
      filters: { region: ["AFRICA"], line: [], org: [], scope: WHOLE_PORTFOLIO },
      ignored: [],
    });
  });

  it("drops bad values and unknown parameters and names them", () => {
    const r = parseDashboardParams({ region: ["NOPE", "EUROPE"], line: "lead", foo: "1", stage: "CONSTRUCTION" }, WHOLE_PORTFOLIO);
    expect(r.filters).toEqual({ region: ["EUROPE"], line: [], org: [], scope: WHOLE_PORTFOLIO });
    expect(r.ignored.sort()).toEqual(["foo", "line", "region", "stage"]);
  });

  it("ignores empty values silently", () => {
    expect(parseDashboardParams({ region: "", line: "" }, WHOLE_PORTFOLIO)).toEqual({ filters: NO_FILTERS, ignored: [] });
  });

  it("builds canonical dashboard and projects-table links", () => {
    expect(dashboardHref("/dashboard", NO_FILTERS)).toBe("/dashboard");
    expect(dashboardHref("/", { region: ["AFRICA"], line: ["BASE_METALS"], org: [] })).toBe("/?region=AFRICA&line=BASE_METALS");
    expect(projectsHref(NO_FILTERS)).toBe("/projects");
    expect(projectsHref({ region: ["AFRICA", "CHINA"], line: [], org: [] }, { health: ["AT_RISK"] })).toBe(
      "/projects?region=AFRICA&region=CHINA&health=AT_RISK",
    );
    // A figure's own region replaces the dashboard's region filter (it is one of its values).
    expect(projectsHref({ region: ["AFRICA", "CHINA"], line: ["BASE_METALS"], org: [] }, { region: ["CHINA"] })).toBe(
      "/projects?region=CHINA&line=BASE_METALS",
    );
  });

  it("shows only the filtered regions and lines, and no 'no region' figure under a region filter", () => {
    const figures: PortfolioFigures = {
      total: 3,
      health: { ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, NOT_ASSESSED: 0 },
      stage: { PROSPECTING: 0, FEASIBILITY: 0, DESIGN: 0, CONSTRUCTION: 3, COMMISSIONING: 0, RAMP_UP: 0, OPERATION: 0, COMPLETED: 0, ON_HOLD: 0, CANCELLED: 0 },
      line: { BASE_METALS: 3, SPECIALTY_METALS: 0, FERROUS_METALS: 0, NEW_ENERGY_MATERIALS: 0, METALLURGICAL_CONSTRUCTION: 0, ADVANCED_MATERIALS_EQUIPMENT: 0 },
      region: { CHINA: 2, ASIA_PACIFIC: 0, AFRICA: 1, LATIN_AMERICA: 0, NORTH_AMERICA: 0, EUROPE: 0, MIDDLE_EAST: 0 },
      noRegion: 4,
    };
    const all = figureLinks(NO_FILTERS, figures);
    expect(all.region).toHaveLength(7);
    expect(all.noRegion).toEqual({ key: "NONE", count: 4, href: "/projects?region=NONE" });
    const filtered = figureLinks({ region: ["AFRICA", "CHINA"], line: ["BASE_METALS"], org: [], scope: WHOLE_PORTFOLIO }, figures);
    expect(filtered.region.map((r) => r.key)).toEqual(["CHINA", "AFRICA"]); // in the enum's order
    expect(filtered.line.map((l) => [l.key, l.href])).toEqual([["BASE_METALS", "/projects?region=AFRICA&region=CHINA&line=BASE_METALS"]]);
    expect(filtered.noRegion.count).toBe(0);
    expect(filtered.health.find((h) => h.key === "AT_RISK")).toEqual({
      key: "AT_RISK",
      count: 1,
      href: "/projects?region=AFRICA&region=CHINA&line=BASE_METALS&health=AT_RISK",
    });
  });
});

describe("dashboard dates", () => {
  it("takes today in the portfolio's time zone (Beijing)", () => {
    expect(portfolioToday(new Date("2026-11-25T15:59:59Z"))).toBe("2026-11-25");
    expect(portfolioToday(new Date("2026-11-25T16:00:00Z"))).toBe("2026-11-26");
  });

  it("finds the period containing a day, for each precision", () => {
    expect(periodStartsContaining("2026-08-17")).toEqual({ DAY: "2026-08-17", MONTH: "2026-08-01", QUARTER: "2026-07-01", YEAR: "2026-01-01" });
    expect(periodStartsContaining("2026-12-31")).toMatchObject({ QUARTER: "2026-10-01" });
  });

  it("lists month starts and zoned midnights", () => {
    expect(monthStarts("2026-02-10", 3)).toEqual(["2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(zonedMidnight("2026-06-01", "Asia/Shanghai").toISOString()).toBe("2026-05-31T16:00:00.000Z");
    expect(zonedMidnight("2026-03-29", "Europe/London").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(zonedMidnight("2026-07-01", "Europe/London").toISOString()).toBe("2026-06-30T23:00:00.000Z");
  });

  it("adds days and rejects malformed days", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(() => assertIsoDay("2026-13-01")).toThrow(RangeError);
    expect(() => assertIsoDay("26-1-1")).toThrow(RangeError);
  });
});

describe("memoize", () => {
  it("shares a result until it expires, and forgets failures", async () => {
    let now = 0;
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memoize("k", 100, compute, () => now)).toBe(1);
    expect(await memoize("k", 100, compute, () => now)).toBe(1);
    now = 101;
    expect(await memoize("k", 100, compute, () => now)).toBe(2);

    const failing = memoize(
      "f",
      100,
      async () => Promise.reject(new Error("boom")),
      () => now,
    );
    await expect(failing).rejects.toThrow("boom");
    expect(
      await memoize(
        "f",
        100,
        async () => "ok",
        () => now,
      ),
    ).toBe("ok");
  });
});
