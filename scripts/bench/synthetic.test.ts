import { describe, expect, it } from "vitest";
import { BUSINESS_LINES, DATE_PRECISIONS, HEALTHS, MILESTONE_STATES, PROJECT_KINDS, REGIONS, STAGES } from "../../lib/projects/enums";
import { regionOfCountry } from "../../lib/projects/regions";
import type { FuzzyDate } from "../../lib/projects/types";
import type { SeedProject } from "../../lib/db/seed-types";
import { fuzzyDate, generateSyntheticProjects, isSyntheticSlug, mulberry32, SYNTHETIC_AS_OF } from "./synthetic";

// One sample shared by the distribution tests (generation is deterministic).
const SAMPLE = generateSyntheticProjects({ count: 5_000, seed: 7 });

function allDates(p: SeedProject): FuzzyDate[] {
  const dates = [p.plannedStart, p.plannedFinish, p.forecastFinish, p.actualFinish];
  for (const m of p.milestones) dates.push(m.baseline, m.forecast, m.actual);
  return dates.filter((d): d is FuzzyDate => d !== undefined);
}

const share = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length / items.length;

describe("mulberry32", () => {
  it("is deterministic, in [0, 1), and seed-dependent", () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(124)()).not.toBe(xs[0]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe("fuzzyDate", () => {
  it("normalizes to the first day of the period", () => {
    const aug2027 = 2027 * 12 + 7; // month index of August 2027
    expect(fuzzyDate(aug2027, 17, "DAY")).toEqual({ date: "2027-08-17", precision: "DAY" });
    expect(fuzzyDate(aug2027, 17, "MONTH")).toEqual({ date: "2027-08-01", precision: "MONTH" });
    expect(fuzzyDate(aug2027, 17, "QUARTER")).toEqual({ date: "2027-07-01", precision: "QUARTER" });
    expect(fuzzyDate(aug2027, 17, "YEAR")).toEqual({ date: "2027-01-01", precision: "YEAR" });
    expect(fuzzyDate(2027 * 12 + 11, 31, "QUARTER").date).toBe("2027-10-01");
    expect(fuzzyDate(2027 * 12 + 2, 9, "QUARTER").date).toBe("2027-01-01");
  });

  it("never produces a day past the month's end", () => {
    expect(fuzzyDate(2027 * 12 + 1, 31, "DAY").date).toBe("2027-02-28");
    expect(fuzzyDate(2028 * 12 + 1, 31, "DAY").date).toBe("2028-02-29");
  });
});

describe("generateSyntheticProjects", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateSyntheticProjects({ count: 200, seed: 99 });
    const b = generateSyntheticProjects({ count: 200, seed: 99 });
    const c = generateSyntheticProjects({ count: 200, seed: 100 });
    expect(b).toEqual(a);
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it("gives the same projects whatever the batching (startIndex)", () => {
    const whole = generateSyntheticProjects({ count: 100, seed: 5 });
    const first = generateSyntheticProjects({ count: 40, seed: 5 });
    const rest = generateSyntheticProjects({ count: 60, seed: 5, startIndex: 41 });
    expect([...first, ...rest]).toEqual(whole);
  });

  it("makes exactly count projects with the requested milestones and history", () => {
    expect(generateSyntheticProjects({ count: 0 })).toEqual([]);
    const projects = generateSyntheticProjects({ count: 37, milestonesPerProject: 4, historyPerProject: 5 });
    expect(projects).toHaveLength(37);
    for (const p of projects) {
      expect(p.milestones).toHaveLength(4);
      expect(p.history).toHaveLength(5);
    }
    const many = generateSyntheticProjects({ count: 3, milestonesPerProject: 25, historyPerProject: 0 });
    expect(many.every((p) => p.milestones.length === 25 && p.history.length === 0)).toBe(true);
    expect(generateSyntheticProjects({ count: 3, milestonesPerProject: 0 }).every((p) => p.milestones.length === 0)).toBe(true);
  });

  it("defaults to 10 milestones and 3 history entries", () => {
    const [p] = generateSyntheticProjects({ count: 1 });
    expect(p.milestones).toHaveLength(10);
    expect(p.history).toHaveLength(3);
  });

  it("rejects a bad count", () => {
    expect(() => generateSyntheticProjects({ count: -1 })).toThrow(RangeError);
    expect(() => generateSyntheticProjects({ count: 1.5 })).toThrow(RangeError);
  });

  // The per-project checks collect offenders and assert once: an expect per
  // value over 5,000 projects takes seconds.
  it("makes unique, prefixed, well-formed slugs and names", () => {
    expect(new Set(SAMPLE.map((p) => p.slug)).size).toBe(SAMPLE.length);
    expect(new Set(SAMPLE.map((p) => p.nameEn)).size).toBe(SAMPLE.length);
    const bad = SAMPLE.filter(
      (p) =>
        !p.slug.startsWith("syn-") ||
        !isSyntheticSlug(p.slug) ||
        !/^[a-z0-9-]+$/.test(p.slug) ||
        p.slug.length > 120 ||
        !/^Syn .+ \d{5,} \(.+\)$/.test(p.nameEn) ||
        p.nameEn.length > 200 ||
        (p.nameZh !== undefined && !/^合成.+\d{5,}$/.test(p.nameZh)) ||
        p.quotes.length !== 0 ||
        p.summary.length < 20,
    );
    expect(bad.map((p) => [p.slug, p.nameEn, p.nameZh])).toEqual([]);
    expect(SAMPLE[41].nameEn).toContain("00042");
    expect(SAMPLE[41].slug).toMatch(/^syn-00042-/);
  });

  it("normalizes every date to the first day of its period", () => {
    const dates = SAMPLE.flatMap(allDates);
    const bad = dates.filter((d) => {
      const [y, m, day] = d.date.split("-").map(Number);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) return true;
      if (new Date(Date.UTC(y, m - 1, day)).toISOString().slice(0, 10) !== d.date) return true; // a real calendar day
      if (d.precision === "YEAR" && d.date.slice(5) !== "01-01") return true;
      if (d.precision === "QUARTER" && ![1, 4, 7, 10].includes(m)) return true;
      return d.precision !== "DAY" && day !== 1;
    });
    expect(bad).toEqual([]);
    expect(dates.length).toBeGreaterThan(SAMPLE.length * 20);
    // and the normalized dates are not all trivially the first of a month
    expect(dates.some((d) => d.precision === "DAY" && !d.date.endsWith("-01"))).toBe(true);
  });

  it("keeps planned and forecast finishes within 2020-2032", () => {
    const years = SAMPLE.flatMap((p) => [p.plannedFinish, p.forecastFinish]).flatMap((d) => (d ? [Number(d.date.slice(0, 4))] : []));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2020);
    expect(Math.max(...years)).toBeLessThanOrEqual(2032);
    expect(new Set(years).size).toBeGreaterThan(8); // spread, not bunched
  });

  it("makes milestones with unique keys, actuals only when achieved, and some slipping", () => {
    const milestones = SAMPLE.flatMap((p) => p.milestones);
    expect(SAMPLE.filter((p) => new Set(p.milestones.map((m) => m.key)).size !== p.milestones.length)).toEqual([]);
    expect(milestones.filter((m) => (m.actual !== undefined) !== (m.state === "ACHIEVED"))).toEqual([]);
    expect(milestones.filter((m) => m.actual && m.actual.date > SYNTHETIC_AS_OF)).toEqual([]);
    const slipping = share(milestones, (m) => !!m.baseline && !!m.forecast && m.forecast.date > m.baseline.date);
    expect(slipping).toBeGreaterThan(0.1);
    expect(slipping).toBeLessThan(0.9);
  });

  it("writes history in the three years before asOf, referencing only known facts and milestones", () => {
    const earliest = "2023-11-01";
    const bad: unknown[] = [];
    for (const p of SAMPLE) {
      const keys = new Set(p.milestones.map((m) => `milestone:${m.key}`));
      const dates = p.history.map((h) => h.occurredAt);
      if (dates.join() !== [...dates].sort().join()) bad.push([p.slug, "not oldest first", dates]);
      for (const h of p.history) {
        const badSets = h.sets.filter((s) =>
          s.startsWith("milestone:") ? !keys.has(s) : !["stage", "health", "progress"].includes(s) || (s === "progress" && p.progressPercent === undefined),
        );
        if (
          !/^\d{4}-\d{2}-\d{2}$/.test(h.occurredAt) ||
          h.occurredAt < earliest ||
          h.occurredAt > SYNTHETIC_AS_OF ||
          h.comment === "" ||
          h.sets.length === 0 ||
          new Set(h.sets).size !== h.sets.length ||
          badSets.length
        )
          bad.push([p.slug, h]);
      }
    }
    expect(bad).toEqual([]);
    expect(SAMPLE.some((p) => p.history.some((h) => h.sets.some((s) => s.startsWith("milestone:"))))).toBe(true);
  });

  it("skews health 60/20/10/10", () => {
    // Deterministic, so the bounds can be tight: ±5 points on 60%, ±3 on the rest.
    const of = (h: string) => share(SAMPLE, (p) => p.health === h);
    expect(of("ON_TRACK")).toBeGreaterThan(0.55);
    expect(of("ON_TRACK")).toBeLessThan(0.65);
    expect(of("AT_RISK")).toBeGreaterThan(0.17);
    expect(of("AT_RISK")).toBeLessThan(0.23);
    expect(of("OFF_TRACK")).toBeGreaterThan(0.07);
    expect(of("OFF_TRACK")).toBeLessThan(0.13);
    expect(of("NOT_ASSESSED")).toBeGreaterThan(0.07);
    expect(of("NOT_ASSESSED")).toBeLessThan(0.13);
  });

  it("puts about half in China and the rest across every region, with a country's own region", () => {
    const china = share(SAMPLE, (p) => regionOfCountry(p.countryCode) === "CHINA");
    expect(china).toBeGreaterThan(0.4);
    expect(china).toBeLessThan(0.6);
    expect(SAMPLE.filter((p) => p.countryCode && regionOfCountry(p.countryCode) === null)).toEqual([]);
    const regions = new Set(SAMPLE.map((p) => regionOfCountry(p.countryCode)));
    for (const r of REGIONS) expect(regions).toContain(r);
    expect(new Set(SAMPLE.map((p) => p.countryCode)).size).toBeGreaterThan(40);
  });

  it("gives about 30% a Chinese name", () => {
    const zh = share(SAMPLE, (p) => p.nameZh !== undefined);
    expect(zh).toBeGreaterThan(0.25);
    expect(zh).toBeLessThan(0.35);
  });

  it("uses every value of every enum", () => {
    const seen = (values: Iterable<string>) => new Set(values);
    const all = <T extends string>(expected: readonly T[], actual: Set<string>) => {
      for (const v of expected) expect(actual, v).toContain(v);
    };
    all(STAGES, seen(SAMPLE.map((p) => p.stage)));
    all(HEALTHS, seen(SAMPLE.map((p) => p.health)));
    all(PROJECT_KINDS, seen(SAMPLE.map((p) => p.kind)));
    all(BUSINESS_LINES, seen(SAMPLE.map((p) => p.businessLine)));
    all(MILESTONE_STATES, seen(SAMPLE.flatMap((p) => p.milestones.map((m) => m.state))));
    all(DATE_PRECISIONS, seen(SAMPLE.flatMap((p) => allDates(p).map((d) => d.precision))));
  });

  it("reports progress within 0-100, or not at all", () => {
    const reported = SAMPLE.flatMap((p) => (p.progressPercent === undefined ? [] : [p.progressPercent]));
    expect(reported.filter((x) => !Number.isInteger(x) || x < 0 || x > 100)).toEqual([]);
    expect(new Set(reported).size).toBeGreaterThan(50);
    const absent = 1 - reported.length / SAMPLE.length;
    expect(absent).toBeGreaterThan(0.05);
    expect(absent).toBeLessThan(0.3);
  });

  it("names operating companies from a list of about 40", () => {
    const companies = new Set(SAMPLE.map((p) => p.operatingCompany).filter(Boolean));
    expect(companies.size).toBeGreaterThanOrEqual(30);
    expect(companies.size).toBeLessThanOrEqual(50);
  });

  // Speed is measured by the benchmark (npm run bench prints the seed time), not
  // asserted here: a timed test flakes on a busy machine.
  it("generates a 20,000-project portfolio with 10 milestones each", () => {
    const projects = generateSyntheticProjects({ count: 20_000, seed: 3 });
    expect(projects).toHaveLength(20_000);
    expect(projects[19_999].milestones).toHaveLength(10);
  });
});
