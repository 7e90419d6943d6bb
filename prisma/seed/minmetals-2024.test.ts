import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { BUSINESS_LINES, HEALTHS, MILESTONE_STATES, PROJECT_KINDS, STAGES } from "../../lib/projects/enums";
import { regionOfCountry } from "../../lib/projects/regions";
import type { FuzzyDate } from "../../lib/projects/types";
import type { SeedProject } from "../../lib/db/seed-types";
import { minmetalsPortfolio } from "./minmetals-2024";

const { source, projects } = minmetalsPortfolio;
const sourceText = readFileSync(new URL(`./sources/${source.textFile}`, import.meta.url), "utf8");

const REQUIRED_SLUGS = [
  "khoemacau-copper-mine",
  "kinsevere-copper-expansion",
  "chentaigou-iron-mine",
  "xiongan-itc-terminal",
  "palace-museum-north-campus-section-one",
  "zhoukou-5600mm-rolling-mill",
  "xianglushan-tungsten-beneficiation-upgrade",
  "salt-lake-lithium-phase-iii-upgrade",
  "zhaopingfang-iron-mining-beneficiation",
  "huangshaping-deep-peripheral-lead-zinc-mining",
  "resorts-world-sentosa-hotel-expansion",
  "heilongjiang-high-purity-graphite-line",
  "las-bambas-copper-mine",
  "mcc-ramu-nickel-cobalt",
  "huangshaping-deep-peripheral-prospecting",
  "shuikoushan-deep-peripheral-prospecting",
  "shizhuyuan-deep-peripheral-prospecting",
  "yuanjing-tungsten-deep-peripheral-prospecting",
  "xikuangshan-deep-peripheral-prospecting",
  "deep-sea-mining-vehicle-6000m",
  "ultra-high-purity-graphite",
  "titanium-electrode-block-line",
  "large-continuous-casting-slab-technology",
];

/** Project fields a history entry may set, besides "milestone:<key>". */
const SETTABLE_FIELDS = new Set([
  "stage",
  "health",
  "countryCode",
  "subdivision",
  "operatingCompany",
  "plannedStart",
  "plannedFinish",
  "forecastFinish",
  "actualFinish",
  "progressPercent",
]);

function bySlug(slug: string): SeedProject {
  const p = projects.find((x) => x.slug === slug);
  if (!p) throw new Error(`no project ${slug}`);
  return p;
}

function fuzzyDates(p: SeedProject): { where: string; date: FuzzyDate }[] {
  const out: { where: string; date: FuzzyDate }[] = [];
  for (const field of ["plannedStart", "plannedFinish", "forecastFinish", "actualFinish"] as const) {
    const d = p[field];
    if (d) out.push({ where: `${p.slug}.${field}`, date: d });
  }
  for (const m of p.milestones) {
    for (const field of ["baseline", "forecast", "actual"] as const) {
      const d = m[field];
      if (d) out.push({ where: `${p.slug}.${m.key}.${field}`, date: d });
    }
  }
  return out;
}

describe("minmetals 2024 seed: source", () => {
  it("names the conference report and its text file", () => {
    expect(source).toEqual({
      key: "minmetals-2025-awc",
      title: "China Minmetals Convenes 2025 Annual Working Conference",
      publisher: "China Minmetals Corporation",
      publishedOn: "2025-01-23",
      textFile: "minmetals-2025-annual-working-conference.txt",
    });
    expect(minmetalsPortfolio.importedBy).toBe("Source import");
    expect(sourceText).toContain("China Minmetals Corporation 2025-01-23");
  });
});

describe("minmetals 2024 seed: quotes", () => {
  it("copies every quote verbatim from the source", () => {
    const missing = projects.flatMap((p) =>
      p.quotes.filter((q) => q.text.length === 0 || !sourceText.includes(q.text)).map((q) => `${p.slug}: ${q.text}`),
    );
    expect(missing).toEqual([]);
  });

  it("says what every quote supports", () => {
    const bare = projects.flatMap((p) => p.quotes.filter((q) => q.supports.length === 0).map(() => p.slug));
    expect(bare).toEqual([]);
  });

  it("gives every project at least one quote", () => {
    expect(projects.filter((p) => p.quotes.length === 0).map((p) => p.slug)).toEqual([]);
  });

  it("backs every stage with a quote (Stage has no default in the schema)", () => {
    const unsupported = projects.filter((p) => !p.quotes.some((q) => q.supports.includes("stage")));
    expect(unsupported.map((p) => p.slug)).toEqual([]);
  });

  it("backs every assessed health with a quote", () => {
    const unsupported = projects.filter(
      (p) => p.health !== "NOT_ASSESSED" && !p.quotes.some((q) => q.supports.includes("health")),
    );
    expect(unsupported.map((p) => p.slug)).toEqual([]);
  });

  it("backs every operating company with a quote that names it", () => {
    const unsupported = projects.filter(
      (p) =>
        p.operatingCompany !== undefined &&
        !p.quotes.some((q) => q.supports.includes("operatingCompany") && q.text.includes(p.operatingCompany!)),
    );
    expect(unsupported.map((p) => p.slug)).toEqual([]);
  });

  it("backs every milestone with a quote carrying its key", () => {
    const unbacked = projects.flatMap((p) =>
      p.milestones
        .filter((m) => !p.quotes.some((q) => q.milestoneKey === m.key && q.supports.includes("milestone")))
        .map((m) => `${p.slug}:${m.key}`),
    );
    expect(unbacked).toEqual([]);
  });

  it("only names milestone keys that exist", () => {
    const dangling = projects.flatMap((p) => {
      const keys = new Set(p.milestones.map((m) => m.key));
      const fromQuotes = p.quotes.flatMap((q) => (q.milestoneKey === undefined ? [] : [q.milestoneKey]));
      const fromHistory = p.history.flatMap((h) =>
        h.sets.filter((s) => s.startsWith("milestone:")).map((s) => s.slice("milestone:".length)),
      );
      return [...fromQuotes, ...fromHistory].filter((k) => !keys.has(k)).map((k) => `${p.slug}:${k}`);
    });
    expect(dangling).toEqual([]);
  });
});

describe("minmetals 2024 seed: projects", () => {
  it("includes the required projects", () => {
    const slugs = new Set(projects.map((p) => p.slug));
    expect(REQUIRED_SLUGS.filter((s) => !slugs.has(s))).toEqual([]);
  });

  it("has unique kebab-case slugs", () => {
    const slugs = projects.map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s))).toEqual([]);
  });

  it("has unique names", () => {
    const en = projects.map((p) => p.nameEn);
    expect(new Set(en).size).toBe(en.length);
    const zh = projects.flatMap((p) => (p.nameZh ? [p.nameZh] : []));
    expect(new Set(zh).size).toBe(zh.length);
  });

  it("uses the schema's enumerations", () => {
    for (const p of projects) {
      expect(PROJECT_KINDS, p.slug).toContain(p.kind);
      expect(BUSINESS_LINES, p.slug).toContain(p.businessLine);
      expect(STAGES, p.slug).toContain(p.stage);
      expect(HEALTHS, p.slug).toContain(p.health);
      for (const m of p.milestones) expect(MILESTONE_STATES, `${p.slug}:${m.key}`).toContain(m.state);
    }
  });

  it("uses lowercase commodity names", () => {
    const bad = projects.flatMap((p) => p.commodities.filter((c) => c !== c.toLowerCase() || c.trim() !== c));
    expect(bad).toEqual([]);
  });

  it("uses two-letter upper-case country codes the region table knows, or none", () => {
    const bad = projects.filter(
      (p) => p.countryCode !== undefined && (!/^[A-Z]{2}$/.test(p.countryCode) || regionOfCountry(p.countryCode) === null),
    );
    expect(bad.map((p) => `${p.slug}:${p.countryCode}`)).toEqual([]);
  });

  it("puts every year-precision date on January 1st", () => {
    const bad = projects
      .flatMap(fuzzyDates)
      .filter(({ date }) => date.precision === "YEAR" && !/^\d{4}-01-01$/.test(date.date));
    expect(bad.map((b) => b.where)).toEqual([]);
  });

  it("dates everything to 2024 at year precision, with no baselines", () => {
    const dates = projects.flatMap(fuzzyDates);
    expect(dates.filter((d) => d.where.endsWith(".baseline")).map((d) => d.where)).toEqual([]);
    expect(
      dates.filter((d) => d.date.date !== "2024-01-01" || d.date.precision !== "YEAR").map((d) => d.where),
    ).toEqual([]);
  });

  it("sets no coordinates and no progress percentage", () => {
    const bad = projects.filter(
      (p) => p.latitude !== undefined || p.longitude !== undefined || p.progressPercent !== undefined,
    );
    expect(bad.map((p) => p.slug)).toEqual([]);
  });

  it("writes one import history entry per project that sets only facts the project has", () => {
    for (const p of projects) {
      expect(p.history, p.slug).toHaveLength(1);
      const [h] = p.history;
      expect(h.occurredAt, p.slug).toBe(source.publishedOn);
      expect(h.comment, p.slug).toMatch(/^Imported from /);
      expect(h.sets, p.slug).toEqual(expect.arrayContaining(["stage", "health"]));
      for (const s of h.sets) {
        if (s.startsWith("milestone:")) continue;
        expect(SETTABLE_FIELDS.has(s), `${p.slug}: ${s}`).toBe(true);
        expect(p[s as keyof SeedProject], `${p.slug}: ${s}`).toBeDefined();
      }
      const milestoneSets = h.sets.filter((s) => s.startsWith("milestone:")).sort();
      expect(milestoneSets, p.slug).toEqual(p.milestones.map((m) => `milestone:${m.key}`).sort());
    }
  });

  it("gives the copper mines and Xikuangshan the Chinese names tests search for", () => {
    expect(bySlug("las-bambas-copper-mine").nameZh).toContain("铜矿");
    expect(bySlug("kinsevere-copper-expansion").nameZh).toContain("铜矿");
    expect(bySlug("xikuangshan-deep-peripheral-prospecting").nameZh).toContain("锡矿山");
  });

  it("records the facts the source states for the headline projects", () => {
    expect(bySlug("khoemacau-copper-mine")).toMatchObject({ countryCode: "BW", stage: "OPERATION", health: "ON_TRACK" });
    expect(bySlug("kinsevere-copper-expansion")).toMatchObject({
      countryCode: "CD",
      stage: "COMPLETED",
      health: "ON_TRACK",
      actualFinish: { date: "2024-01-01", precision: "YEAR" },
    });
    expect(bySlug("las-bambas-copper-mine").countryCode).toBe("PE");
    expect(bySlug("salt-lake-lithium-phase-iii-upgrade").operatingCompany).toBe("China Minmetals Salt Lake Co., Ltd.");
    expect(bySlug("zhoukou-5600mm-rolling-mill").operatingCompany).toBe("Henan Iron & Steel Group");
    // Location not stated and not certain: must stay empty.
    expect(bySlug("zhaopingfang-iron-mining-beneficiation").countryCode).toBeUndefined();
  });
});
