import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { BUSINESS_LINES, HEALTHS, MILESTONE_STATES, PROJECT_KINDS, STAGES } from "../../lib/projects/enums";
import { regionOfCountry } from "../../lib/projects/regions";
import type { FuzzyDate } from "../../lib/projects/types";
import { basesFor, quotesFor, statedFacts, type StatedFact } from "../../lib/db/seed-basis";
import { BASIS_FACTS, type SeedProject } from "../../lib/db/seed-types";
import { businessLineByRule, healthByRule, HEALTH_RULE, minmetalsPortfolio } from "./minmetals-2024";
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

/** Supports entries that back the summary rather than a field. */
const INFORMATIONAL = new Set(["recognition", "summary"]);
const factName = (f: StatedFact) => (f.milestoneKey ? `milestone:${f.milestoneKey}` : f.fact);
const occurrences = (text: string) => sourceText.split(text).length - 1;
const CJK = /[\u3400-\u9fff]/;

/** Sentences of group-wide figures: never a project's fact (issue 18, item 12). */
const GROUP_LEVEL = [
  "operating volume of major metal and mineral products",
  "overseas contract value",
  "Effective invention patents",
  "donations and construction funds",
  "National Manufacturing Single-Product Champion",
  "“Little Giant” enterprises",
  "World’s 500 Most Influential Brands",
];

/** What the source presents as delivered in 2024 (deliverables rule): each is some project's quote. */
const DELIVERABLES = [
  "iron phosphate lithium products were sold in bulks",
  "high purity graphite production line in Heilongjiang was completed",
  "ultra-fine hard alloy bars, PK series drill bits, and other products achieved import substitution",
  "approved as the first national technology innovation center",
  "6,000-meter-class intelligent electric-driven deep-sea heavy-duty mining vehicle platform",
  "ultra-high purity graphite products",
  "continuous casting slab process",
  "titanium and titanium alloy electrode blocks",
];

describe("minmetals 2024 seed: source", () => {
  it("records the source by what it is, with no title the text does not contain", () => {
    expect(source.publisher).toBe("China Minmetals Corporation");
    expect(sourceText).toContain(`${source.publisher} ${source.publishedOn}`);
    expect(sourceText).toContain("Minmetals News");
    expect(source.title).not.toMatch(/[“”"]/);
    expect(minmetalsPortfolio.importedBy).toBe("Source import");
  });

  it("puts in quotation marks only words the source contains (titles, summaries, comments, bases)", () => {
    const texts = [source.title, ...projects.flatMap((p) => [p.summary, p.nameEn, ...p.history.map((h) => h.comment), ...(p.bases ?? []).map((b) => b.note)])];
    const quoted = texts.flatMap((t) => [...t.matchAll(/“([^”]+)”|"([^"]+)"/g)].map((m) => m[1] ?? m[2]));
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((q) => !sourceText.includes(q))).toEqual([]);
  });
});

describe("minmetals 2024 seed: quotes", () => {
  it("copies every quote verbatim from the source, each a unique substring of it", () => {
    const bad = projects.flatMap((p) => p.quotes.filter((q) => q.text.length === 0 || occurrences(q.text) !== 1).map((q) => `${p.slug}: ${q.text}`));
    expect(bad).toEqual([]);
  });

  it("says what every quote supports, only facts the project states (or its summary)", () => {
    const bad = projects.flatMap((p) => {
      const stated = new Set(statedFacts(p).map((f) => f.fact));
      return p.quotes.flatMap((q) => [
        ...(q.supports.length === 0 ? [`${p.slug}: supports nothing`] : []),
        ...q.supports.filter((s) => !INFORMATIONAL.has(s) && !stated.has(s as never)).map((s) => `${p.slug}: ${s}`),
        ...(q.supports.includes("milestone") !== (q.milestoneKey !== undefined) ? [`${p.slug}: milestone without key`] : []),
      ]);
    });
    expect(bad).toEqual([]);
  });

  it("gives every project at least one quote", () => {
    expect(projects.filter((p) => p.quotes.length === 0).map((p) => p.slug)).toEqual([]);
  });

  it("keeps group-level figures off every project", () => {
    const texts = projects.flatMap((p) => [...p.quotes.map((q) => q.text), p.summary].map((t) => `${p.slug}: ${t}`));
    expect(texts.filter((t) => GROUP_LEVEL.some((g) => t.includes(g)))).toEqual([]);
  });

  it("seeds every deliverable the source presents", () => {
    const quotes = projects.flatMap((p) => p.quotes.map((q) => q.text));
    expect(DELIVERABLES.filter((d) => sourceText.includes(d) && !quotes.some((q) => q.includes(d)))).toEqual([]);
    expect(DELIVERABLES.filter((d) => !sourceText.includes(d))).toEqual([]);
  });
});

describe("minmetals 2024 seed: basis of every fact", () => {
  it("gives every fact exactly one basis: quotes that state it, or one public fact or inference", () => {
    const bad = projects.flatMap((p) =>
      statedFacts(p).flatMap((f) => {
        const quoted = quotesFor(p, f).length > 0;
        const others = basesFor(p, f).length;
        if (quoted && others) return [`${p.slug}: ${factName(f)} has a quote and another basis`];
        if (!quoted && others !== 1) return [`${p.slug}: ${factName(f)} has ${others} non-quote bases`];
        return [];
      }),
    );
    expect(bad).toEqual([]);
  });

  it("names only facts the project states, and writes out every public fact and inference", () => {
    const bad = projects.flatMap((p) => {
      const stated = statedFacts(p).map(factName);
      return (p.bases ?? []).flatMap((b) => [
        ...(BASIS_FACTS.includes(b.fact) && stated.includes(factName(b)) ? [] : [`${p.slug}: ${factName(b)} is not a fact it states`]),
        ...(b.note.trim().length < 10 ? [`${p.slug}: ${factName(b)} has no reasoning`] : []),
      ]);
    });
    expect(bad).toEqual([]);
  });

  it("gives a Chinese name only as a public fact that names it in Chinese", () => {
    const bad = projects.filter((p) => {
      if (p.nameZh === undefined) return false;
      const [basis] = basesFor(p, { fact: "nameZh" });
      return !CJK.test(p.nameZh) || basis?.kind !== "PUBLIC_FACT" || !CJK.test(basis.note) || quotesFor(p, { fact: "nameZh" }).length > 0;
    });
    expect(bad.map((p) => p.slug)).toEqual([]);
  });

  it("applies the health rule to each project's quotes, and the quotes that decide it support its health", () => {
    const bad = projects.flatMap((p) => {
      const texts = p.quotes.map((q) => q.text);
      const out: string[] = [];
      if (healthByRule(texts) !== p.health) out.push(`${p.slug}: ${p.health}, the rule says ${healthByRule(texts)}`);
      for (const q of p.quotes) {
        const decides = HEALTH_RULE.ON_TRACK.test(q.text) || HEALTH_RULE.OFF_TRACK.test(q.text);
        if (decides !== q.supports.includes("health"))
          out.push(`${p.slug}: "${q.text}" ${decides ? "decides health but does not support it" : "supports health but does not decide it"}`);
      }
      return out;
    });
    expect(bad).toEqual([]);
  });

  it("the health rule takes a verdict against a plan, never progress alone", () => {
    expect(healthByRule(["the expansion was completed and put into operation ahead of schedule"])).toBe("ON_TRACK");
    expect(healthByRule(["the project outperformed the annual construction plan"])).toBe("ON_TRACK");
    expect(healthByRule(["the line met the standard on the first try"])).toBe("ON_TRACK");
    expect(healthByRule(["the works fell behind schedule"])).toBe("OFF_TRACK");
    expect(healthByRule(["successfully taken over and showed a steady growth in output"])).toBe("NOT_ASSESSED");
    expect(healthByRule(["with significant gains in the prospecting projects"])).toBe("NOT_ASSESSED");
    expect(healthByRule(["successfully completed the hot run test"])).toBe("NOT_ASSESSED");
  });

  it("chooses every business line by the stated rule", () => {
    const bad = projects.filter((p) => businessLineByRule(p).line !== p.businessLine);
    expect(bad.map((p) => p.slug)).toEqual([]);
  });
});

describe("minmetals 2024 seed: programmes", () => {
  const programmes = projects.filter((p) => p.kind === "PROGRAMME");

  it("groups parts under a programme of the portfolio, one level deep", () => {
    const bad = projects.flatMap((p) => {
      if (p.programme === undefined) return [];
      const parent = projects.find((x) => x.slug === p.programme);
      if (!parent) return [`${p.slug}: unknown programme ${p.programme}`];
      return parent.kind === "PROGRAMME" && parent.programme === undefined && p.kind !== "PROGRAMME" ? [] : [`${p.slug}: bad programme ${p.programme}`];
    });
    expect(bad).toEqual([]);
    expect(programmes.length).toBeGreaterThan(0);
  });

  it("carries what the source reports as a whole on the programme: its parts have no milestone or health of their own", () => {
    const parts = projects.filter((p) => p.programme !== undefined);
    expect(parts.filter((p) => p.milestones.length > 0 || p.health !== "NOT_ASSESSED").map((p) => p.slug)).toEqual([]);
    for (const programme of programmes) {
      expect(parts.filter((p) => p.programme === programme.slug).length, programme.slug).toBeGreaterThan(1);
      expect(programme.milestones.length, programme.slug).toBeGreaterThan(0);
    }
  });

  it("hedges superlatives: a summary says “first” only as what the source calls it", () => {
    const bad = projects.filter((p) => /(world|nation)['’]s first/i.test(p.summary) && !/what the source calls/.test(p.summary));
    expect(bad.map((p) => p.slug)).toEqual([]);
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
    const bad = projects.filter((p) => p.countryCode !== undefined && (!/^[A-Z]{2}$/.test(p.countryCode) || regionOfCountry(p.countryCode) === null));
    expect(bad.map((p) => `${p.slug}:${p.countryCode}`)).toEqual([]);
  });

  it("puts every year-precision date on January 1st", () => {
    const bad = projects.flatMap(fuzzyDates).filter(({ date }) => date.precision === "YEAR" && !/^\d{4}-01-01$/.test(date.date));
    expect(bad.map((b) => b.where)).toEqual([]);
  });

  it("dates everything to 2024 at year precision, with no baselines", () => {
    const dates = projects.flatMap(fuzzyDates);
    expect(dates.filter((d) => d.where.endsWith(".baseline")).map((d) => d.where)).toEqual([]);
    expect(dates.filter((d) => d.date.date !== "2024-01-01" || d.date.precision !== "YEAR").map((d) => d.where)).toEqual([]);
  });

  it("sets no coordinates and no progress percentage", () => {
    const bad = projects.filter((p) => p.latitude !== undefined || p.longitude !== undefined || p.progressPercent !== undefined);
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

  it("leaves a place empty rather than guess", () => {
    // A subdivision only with a country; every country and subdivision has a basis (checked above).
    expect(projects.filter((p) => p.subdivision !== undefined && p.countryCode === undefined).map((p) => p.slug)).toEqual([]);
  });
});
