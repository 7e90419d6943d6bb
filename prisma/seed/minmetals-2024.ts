import type { BasisFact, SeedBasis, SeedMilestone, SeedPortfolio, SeedProject, SeedQuote } from "../../lib/db/seed-types";
import type { BusinessLine, Health, ProjectKind } from "../../lib/projects/enums";
import type { FuzzyDate } from "../../lib/projects/types";

/**
 * China Minmetals' capital projects as reported in a China Minmetals
 * Corporation news item of 2025-01-23 on its 2025 Annual Working Conference,
 * which reviews 2024 (sources/minmetals-2025-annual-working-conference.txt).
 *
 * Ground rules for this file (the test beside it checks each one):
 * - Every fact has exactly one basis (docs/decisions/0021-fact-basis.md):
 *   - SOURCE: a quote copied verbatim from the source text, with the document's
 *     curly quotes (’ “ ”) and typos ("Hangshaping", "China Minmetal’s"), each a
 *     unique substring of it; the quote's `supports` names the facts it states.
 *     A quote supports only what it says.
 *   - PUBLIC_FACT: a well-established public fact the source does not state
 *     (where a named mine lies, what it produces, its Chinese name), written
 *     out in the basis. Where not certain, the fact is left empty.
 *   - INFERENCE: a reading of the source or one of the rules below, with its
 *     reasoning written out.
 * - The health rule (HEALTH_RULE, healthByRule; docs/decisions/0022-seed-rules.md): health is a verdict against a
 *   plan, a schedule or a standard. A project is ON_TRACK only when one of its
 *   quotes says it met or beat one ("ahead of schedule", "outperformed the
 *   annual construction plan", "met the standard"), OFF_TRACK only when one
 *   says it fell behind one, and NOT_ASSESSED otherwise, however good the news:
 *   progress, completion, a takeover, growth in output or "significant gains"
 *   are not a verdict against a plan.
 * - The business-line rule (businessLineByRule): the lines are those the source
 *   itself names in its 2025 priorities (base metals, specialty metals, ferrous
 *   metals, the new energy sector with its "cathode and anode materials",
 *   metallurgical construction). A construction or engineering contract is
 *   METALLURGICAL_CONSTRUCTION; otherwise the project's first commodity decides
 *   (COMMODITY_LINES: graphite, an anode material, is new energy; hard alloy's
 *   tungsten is a specialty metal); a technology without a commodity (equipment,
 *   process, a research centre) is ADVANCED_MATERIALS_EQUIPMENT.
 * - Deliverables: every product, production line, facility, technology or
 *   approved centre the source presents as delivered in 2024 is a project;
 *   awards, rankings, ratings and group-wide figures are not (the group-level
 *   figures wait for the group KPI model, issue 18 item 12).
 * - The 11 prospecting projects are reported as a whole: one PROGRAMME carries
 *   the "significant gains" milestone; the five named sites are its parts, with
 *   no milestone or health of their own.
 * - The source dates events only as "in 2024", so dates are YEAR precision on
 *   2024-01-01. It states no baseline dates and no progress percentages: no
 *   milestone has a baseline and no project has progressPercent. No coordinates.
 * - nameZh only with a PUBLIC_FACT basis: the name Chinese sources use for the
 *   project or asset. Never a translation of our own; left empty otherwise.
 */

const IN_2024: FuzzyDate = { date: "2024-01-01", precision: "YEAR" };
const PUBLISHED = "2025-01-23";
/** What the source is: a news item on the company's site (the text names no title of its own). */
const SOURCE_TITLE = "Minmetals News: 2025 Annual Working Conference";
const SOURCE_NAME = `China Minmetals Corporation news of ${PUBLISHED} (Minmetals News)`;

// ------------------------------------------------------------------- the rules

/** Phrases that state a result against a plan, a schedule or a standard (the health rule above). */
export const HEALTH_RULE = {
  ON_TRACK: /\b(ahead of schedule|on schedule|outperformed the [a-z ]*plan|met the standard)\b/i,
  OFF_TRACK: /\b(behind schedule|delayed|fell short of the [a-z ]*(plan|target)|missed the [a-z ]*(plan|target|deadline))\b/i,
} as const;

/** The health the rule gives a project whose quotes are these. */
export function healthByRule(quoteTexts: readonly string[]): Health {
  if (quoteTexts.some((t) => HEALTH_RULE.OFF_TRACK.test(t))) return "OFF_TRACK";
  if (quoteTexts.some((t) => HEALTH_RULE.ON_TRACK.test(t))) return "ON_TRACK";
  return "NOT_ASSESSED";
}

/** The business line of each commodity (the business-line rule above). */
export const COMMODITY_LINES: Record<string, BusinessLine> = {
  copper: "BASE_METALS",
  lead: "BASE_METALS",
  zinc: "BASE_METALS",
  nickel: "BASE_METALS",
  cobalt: "BASE_METALS",
  tungsten: "SPECIALTY_METALS",
  tin: "SPECIALTY_METALS",
  molybdenum: "SPECIALTY_METALS",
  bismuth: "SPECIALTY_METALS",
  antimony: "SPECIALTY_METALS",
  titanium: "SPECIALTY_METALS",
  "iron ore": "FERROUS_METALS",
  lithium: "NEW_ENERGY_MATERIALS",
  graphite: "NEW_ENERGY_MATERIALS",
};

export function businessLineByRule(p: { kind: ProjectKind; commodities: readonly string[] }): { line: BusinessLine; reason: string } {
  if (p.kind === "CONTRACT")
    return { line: "METALLURGICAL_CONSTRUCTION", reason: "Business-line rule: a construction or engineering contract is metallurgical construction." };
  const first = p.commodities[0];
  if (first === undefined)
    return {
      line: "ADVANCED_MATERIALS_EQUIPMENT",
      reason: "Business-line rule: a technology without a commodity (equipment, process, research) is advanced materials and equipment.",
    };
  const line = COMMODITY_LINES[first];
  if (!line) throw new Error(`no business line for commodity ${first}`);
  return { line, reason: `Business-line rule: the first commodity, ${first}, belongs to this line.` };
}

const KIND_REASONS: Partial<Record<ProjectKind, string>> = {
  OWNED_ASSET: "The source presents it as China Minmetals’ own mine, line or project, not as work for a client.",
  TECHNOLOGY: "The source reports it among the group’s technology and product achievements, not as a site or a contract.",
};

// ------------------------------------------------------- quotes (verbatim)

const Q_TOPPED_OUT =
  "the terminal of the International Trade Center in Xiong’an New Area and the North Campus of Beijing Palace Museum (Section One), undertaken by China Minmetals, topped out their steel frame and main structure respectively";
const Q_COMMENCING = "there were an array of projects commencing construction";
const Q_PROSPECTING =
  "with significant gains in the 11 deep and peripheral prospecting projects in Hangshaping, Shuikoushan, Shizhuyuan, Yuanjing Tungsten, and Xikuangshan";
const Q_PROSPECTING_EFFORT = "On the resource side, it has stepped up efforts in prospecting";
const Q_HUANGSHAPING_MINING = "the peripheral and deep mining of lead and zinc resources in Huangshaping";
const Q_CORE_TECH_LINES = "These included a series of “core technology + equipment” production lines.";

// ------------------------------------------------------------------ helpers

const publicFact = (fact: BasisFact, note: string): SeedBasis => ({ fact, kind: "PUBLIC_FACT", note });
const inferred = (fact: BasisFact, note: string): SeedBasis => ({ fact, kind: "INFERENCE", note });
const chineseName = (note: string): SeedBasis => publicFact("nameZh", note);

/**
 * A project as written below: its facts (the business line comes from the
 * rule) plus a one-line paraphrase of what the source says; the import's
 * history entry is derived from these.
 */
type ProjectFacts = Omit<SeedProject, "history" | "businessLine"> & { paraphrase: string };

/** Optional project fields that, when present, the import's history entry sets. */
const IMPORTED_FIELDS = ["countryCode", "subdivision", "operatingCompany", "plannedStart", "plannedFinish", "forecastFinish", "actualFinish"] as const;

/** Adds the business line (by rule), the kind's basis where no quote states it, and the import's history entry. */
function complete({ paraphrase, ...project }: ProjectFacts): SeedProject {
  const { line, reason } = businessLineByRule(project);
  const bases = [...(project.bases ?? []), inferred("businessLine", reason)];
  const kindReason = KIND_REASONS[project.kind];
  const kindQuoted = project.quotes.some((q) => q.supports.includes("kind"));
  if (!kindQuoted && !bases.some((b) => b.fact === "kind") && kindReason) bases.push(inferred("kind", kindReason));
  const sets = ["stage", "health", ...IMPORTED_FIELDS.filter((field) => project[field] !== undefined), ...project.milestones.map((m) => `milestone:${m.key}`)];
  return {
    ...project,
    businessLine: line,
    bases,
    history: [{ occurredAt: PUBLISHED, comment: `Imported from ${SOURCE_NAME}: ${paraphrase}`, sets }],
  };
}

/** The two quotes behind a project the source lists as commencing construction in 2024. */
function commencedConstruction(item: string, extraSupports: string[] = []): SeedQuote[] {
  return [
    { text: Q_COMMENCING, supports: ["stage", "milestone"], milestoneKey: "construction-commenced" },
    { text: item, supports: ["stage", "milestone", ...extraSupports], milestoneKey: "construction-commenced" },
  ];
}

function constructionCommenced(): SeedMilestone {
  return { key: "construction-commenced", title: "Construction commenced", actual: IN_2024, state: "ACHIEVED" };
}

const PROGRAMME_SLUG = "deep-peripheral-prospecting-programme";

/** One of the five sites of the prospecting programme: no milestone or health of its own. */
function prospectingSite(p: {
  slug: string;
  site: string;
  commodities: string[];
  /** what states the site's commodities: the prospecting quote (the site's name says it), another quote, or a public fact */
  commoditiesBasis: "site name" | SeedQuote | SeedBasis;
  countryCode?: string;
  subdivision?: string;
  bases: SeedBasis[];
  note?: string;
}): ProjectFacts {
  return {
    slug: p.slug,
    nameEn: `${p.site} Deep and Peripheral Prospecting`,
    summary: `Deep and peripheral prospecting at ${p.site}${p.note ?? ""}, one of the five sites of the 11 deep and peripheral prospecting projects whose gains the source reports as a whole; it does not say how many of the 11 are at each site.`,
    kind: "OWNED_ASSET",
    commodities: p.commodities,
    ...(p.countryCode ? { countryCode: p.countryCode } : {}),
    ...(p.subdivision ? { subdivision: p.subdivision } : {}),
    stage: "PROSPECTING",
    health: "NOT_ASSESSED",
    programme: PROGRAMME_SLUG,
    milestones: [],
    quotes: [
      { text: Q_PROSPECTING, supports: p.commoditiesBasis === "site name" ? ["stage", "programme", "commodities"] : ["stage", "programme"] },
      ...(typeof p.commoditiesBasis === "object" && "text" in p.commoditiesBasis ? [p.commoditiesBasis] : []),
    ],
    bases: [
      inferred("kind", "The source lists the prospecting among China Minmetals’ own resource work (“On the resource side”), at its mines."),
      ...(typeof p.commoditiesBasis === "object" && "kind" in p.commoditiesBasis ? [p.commoditiesBasis] : []),
      ...p.bases,
    ],
    paraphrase: `one of the five sites of the 11 deep and peripheral prospecting projects.`,
  };
}

/** A technology or product achievement the source reports for 2024, completed. */
function technology(p: {
  slug: string;
  nameEn: string;
  summary: string;
  commodities: string[];
  countryCode?: string;
  milestoneKey: string;
  milestoneTitle: string;
  quotes: SeedQuote[];
  bases?: SeedBasis[];
  paraphrase: string;
}): ProjectFacts {
  return {
    slug: p.slug,
    nameEn: p.nameEn,
    summary: p.summary,
    kind: "TECHNOLOGY",
    commodities: p.commodities,
    ...(p.countryCode ? { countryCode: p.countryCode } : {}),
    stage: "COMPLETED",
    health: "NOT_ASSESSED",
    actualFinish: IN_2024,
    milestones: [{ key: p.milestoneKey, title: p.milestoneTitle, actual: IN_2024, state: "ACHIEVED" }],
    quotes: p.quotes,
    bases: p.bases ?? [],
    paraphrase: p.paraphrase,
  };
}

/** A product the source reports as on the market in 2024 (in operation, not a completed development). */
function product(p: {
  slug: string;
  nameEn: string;
  summary: string;
  commodities: string[];
  milestoneKey: string;
  milestoneTitle: string;
  quote: string;
  bases: SeedBasis[];
  stageReason: string;
  commoditiesQuoted: boolean;
  paraphrase: string;
}): ProjectFacts {
  return {
    slug: p.slug,
    nameEn: p.nameEn,
    summary: p.summary,
    kind: "TECHNOLOGY",
    commodities: p.commodities,
    stage: "OPERATION",
    health: "NOT_ASSESSED",
    milestones: [{ key: p.milestoneKey, title: p.milestoneTitle, actual: IN_2024, state: "ACHIEVED" }],
    quotes: [{ text: p.quote, supports: ["milestone", ...(p.commoditiesQuoted ? ["commodities"] : [])], milestoneKey: p.milestoneKey }],
    bases: [inferred("stage", p.stageReason), ...p.bases],
    paraphrase: p.paraphrase,
  };
}

const facts: ProjectFacts[] = [
  // ---------------------------------------------------------------- key projects
  {
    slug: "khoemacau-copper-mine",
    nameEn: "Khoemacau Copper Mine",
    nameZh: "科马考铜矿",
    summary: "China Minmetals took over the Khoemacau copper mine in Botswana in 2024. The source reports steady growth in the mine's output.",
    kind: "OWNED_ASSET",
    commodities: ["copper"],
    countryCode: "BW",
    stage: "OPERATION",
    // Taken over, output growing: good news, but not a verdict against a plan (the health rule).
    health: "NOT_ASSESSED",
    milestones: [{ key: "takeover", title: "Takeover completed", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "In 2024, the Khoemacau Copper Mine Project in Botswana was successfully taken over and showed a steady growth in output",
        supports: ["stage", "country", "commodities", "milestone"],
        milestoneKey: "takeover",
      },
    ],
    bases: [chineseName("MMG, the China Minmetals subsidiary that owns the mine, calls it 科马考铜矿 in Chinese.")],
    paraphrase: `taken over in 2024, with steady growth in output.`,
  },
  {
    slug: "kinsevere-copper-expansion",
    nameEn: "Kinsevere Copper Mine Expansion",
    nameZh: "金塞维尔铜矿扩建项目",
    summary:
      "The expansion of the Kinsevere copper mine in the Democratic Republic of Congo was completed and put into operation ahead of schedule in 2024. The mine was also awarded an “Outstanding Employer Enterprise” certificate in the DRC.",
    kind: "OWNED_ASSET",
    commodities: ["copper"],
    countryCode: "CD",
    subdivision: "Haut-Katanga",
    stage: "COMPLETED",
    health: "ON_TRACK",
    actualFinish: IN_2024,
    milestones: [
      {
        key: "expansion-completed",
        title: "Expansion completed and put into operation",
        actual: IN_2024,
        state: "ACHIEVED",
      },
    ],
    quotes: [
      {
        text: "the Kinsevere Copper Mine Expansion Project was completed and put into operation ahead of schedule",
        supports: ["stage", "health", "commodities", "actualFinish", "milestone"],
        milestoneKey: "expansion-completed",
      },
      {
        text: "the Kinsevere Copper Mine was honored with the “Outstanding Employer Enterprise” certificate in the Democratic Republic of Congo (DRC)",
        supports: ["country", "recognition"],
      },
    ],
    bases: [
      publicFact("subdivision", "The Kinsevere mine lies near Lubumbashi, in Haut-Katanga province."),
      chineseName("MMG, the China Minmetals subsidiary that owns the mine, calls it 金塞维尔 in Chinese (扩建项目: expansion project)."),
    ],
    paraphrase: `expansion completed and put into operation ahead of schedule in 2024.`,
  },
  {
    slug: "chentaigou-iron-mine",
    nameEn: "Chentaigou Iron Mining Project",
    nameZh: "陈台沟铁矿项目",
    summary: "Iron mining project at Chentaigou that outperformed its 2024 annual construction plan.",
    kind: "OWNED_ASSET",
    commodities: ["iron ore"],
    countryCode: "CN",
    subdivision: "Liaoning",
    stage: "CONSTRUCTION",
    health: "ON_TRACK",
    milestones: [{ key: "construction-plan-2024", title: "2024 annual construction plan", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "the Chentaigou Iron Mining Project outperformed the annual construction plan",
        supports: ["stage", "health", "commodities", "milestone"],
        milestoneKey: "construction-plan-2024",
      },
    ],
    bases: [
      publicFact("country", "The Chentaigou iron deposit (陈台沟铁矿) is in Anshan, Liaoning, China."),
      publicFact("subdivision", "The Chentaigou iron deposit (陈台沟铁矿) is in Anshan, Liaoning, China."),
      chineseName("Chinese sources call the mine 陈台沟铁矿 (项目: project)."),
    ],
    paraphrase: `outperformed the 2024 annual construction plan.`,
  },
  {
    slug: "xiongan-itc-terminal",
    nameEn: "Xiong'an New Area International Trade Center Terminal",
    nameZh: "雄安国贸中心项目城市航站楼",
    summary:
      "China Minmetals is the contractor for the terminal of the International Trade Center in Xiong'an New Area, whose steel frame was topped out in 2024.",
    kind: "CONTRACT",
    commodities: [],
    countryCode: "CN",
    subdivision: "Hebei",
    stage: "CONSTRUCTION",
    // Topping out is progress, not a verdict against a plan (the health rule).
    health: "NOT_ASSESSED",
    milestones: [{ key: "steel-frame-topped-out", title: "Steel frame topped out", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [{ text: Q_TOPPED_OUT, supports: ["stage", "kind", "milestone"], milestoneKey: "steel-frame-topped-out" }],
    bases: [
      publicFact("country", "Xiong’an New Area is in Hebei, China."),
      publicFact("subdivision", "Xiong’an New Area is in Hebei, China."),
      chineseName("Chinese sources call the terminal 雄安国贸中心项目城市航站楼 (the city air terminal of the Xiong’an International Trade Center project)."),
    ],
    paraphrase: `steel frame topped out in 2024.`,
  },
  {
    slug: "palace-museum-north-campus-section-one",
    nameEn: "Beijing Palace Museum North Campus (Section One)",
    nameZh: "故宫博物院北院区项目（一标段）",
    summary: "China Minmetals is the contractor for Section One of the North Campus of the Beijing Palace Museum, whose main structure was topped out in 2024.",
    kind: "CONTRACT",
    commodities: [],
    countryCode: "CN",
    subdivision: "Beijing",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [{ key: "main-structure-topped-out", title: "Main structure topped out", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: Q_TOPPED_OUT,
        supports: ["stage", "kind", "country", "subdivision", "milestone"],
        milestoneKey: "main-structure-topped-out",
      },
    ],
    bases: [chineseName("Chinese sources call Section One of the project 故宫博物院北院区项目（一标段）.")],
    paraphrase: `main structure topped out in 2024.`,
  },
  {
    slug: "zhoukou-5600mm-rolling-mill",
    nameEn: "5600mm Rolling Mill, Zhoukou Base of Henan Iron & Steel Group",
    nameZh: "河南钢铁集团周口基地5600mm轧机",
    summary:
      "A 5600mm rolling mill produced by the Zhoukou Base of Henan Iron & Steel Group with China Minmetals' help successfully completed its hot run test in 2024.",
    kind: "CONTRACT",
    commodities: [],
    countryCode: "CN",
    subdivision: "Henan",
    stage: "COMMISSIONING",
    health: "NOT_ASSESSED",
    operatingCompany: "Henan Iron & Steel Group",
    milestones: [{ key: "hot-run-test", title: "Hot run test completed", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "the 5600mm rolling mill produced by Zhoukou Base of Henan Iron & Steel Group under the help of China Minmetals, successfully completed the hot run test",
        supports: ["stage", "kind", "operatingCompany", "milestone"],
        milestoneKey: "hot-run-test",
      },
    ],
    bases: [
      publicFact("country", "Zhoukou is a city in Henan, China."),
      publicFact("subdivision", "Zhoukou is a city in Henan, China."),
      chineseName("Chinese sources call the mill 河南钢铁集团周口基地5600mm轧机."),
    ],
    paraphrase: `hot run test completed in 2024.`,
  },
  // ------------------------------------------------ commenced construction in 2024
  {
    slug: "xianglushan-tungsten-beneficiation-upgrade",
    nameEn: "Xianglushan Tungsten Beneficiation Plant Technical Transformation",
    // No nameZh: the only candidate was a translation of the English, not an established name.
    summary: "Technical transformation of the beneficiation plant for newly mined tungsten at Xianglushan. Construction began in 2024.",
    kind: "OWNED_ASSET",
    commodities: ["tungsten"],
    countryCode: "CN",
    subdivision: "Jiangxi",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction("the technical transformation of the beneficiation plant for the newly-mined tungsten in Xianglushan", ["commodities"]),
    bases: [
      publicFact("country", "The Xianglushan tungsten mine (香炉山钨矿) is in Xiushui County, Jiangxi, China."),
      publicFact("subdivision", "The Xianglushan tungsten mine (香炉山钨矿) is in Xiushui County, Jiangxi, China."),
    ],
    paraphrase: `construction commenced in 2024.`,
  },
  {
    slug: "salt-lake-lithium-phase-iii-upgrade",
    nameEn: "Salt Lake Phase III Lithium Process Improvement and Technical Transformation",
    nameZh: "五矿盐湖锂项目技改三期项目",
    summary: "Phase III lithium process improvement and technical transformation at China Minmetals Salt Lake Co., Ltd. Construction began in 2024.",
    kind: "OWNED_ASSET",
    commodities: ["lithium"],
    countryCode: "CN",
    subdivision: "Qinghai",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    operatingCompany: "China Minmetals Salt Lake Co., Ltd.",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction("the Phase III lithium mining process improvement and technical transformation of China Minmetals Salt Lake Co., Ltd.", [
      "operatingCompany",
      "commodities",
    ]),
    bases: [
      publicFact("country", "China Minmetals Salt Lake Co., Ltd. (五矿盐湖) works a salt lake in Qinghai, China."),
      publicFact("subdivision", "China Minmetals Salt Lake Co., Ltd. (五矿盐湖) works a salt lake in Qinghai, China."),
      chineseName("Chinese sources call it 锂项目技改三期项目 of 五矿盐湖 (China Minmetals Salt Lake)."),
    ],
    paraphrase: `construction commenced in 2024.`,
  },
  {
    slug: "zhaopingfang-iron-mining-beneficiation",
    nameEn: "Zhaopingfang Iron Mining and Beneficiation",
    nameZh: "赵平房铁矿采选工程",
    summary: "Iron mining and beneficiation project at Zhaopingfang. Construction began in 2024.",
    kind: "OWNED_ASSET",
    commodities: ["iron ore"],
    countryCode: "CN",
    subdivision: "Liaoning",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction("the iron mining and beneficiation in Zhaopingfang", ["commodities"]),
    bases: [
      publicFact("country", "The Zhaopingfang iron mine (赵平房铁矿) is in Yingkou, Liaoning, China."),
      publicFact("subdivision", "The Zhaopingfang iron mine (赵平房铁矿) is in Yingkou, Liaoning, China."),
      chineseName("Chinese sources call the project 赵平房铁矿采选工程 (Zhaopingfang iron mining and beneficiation works)."),
    ],
    paraphrase: `construction commenced in 2024.`,
  },
  {
    slug: "huangshaping-deep-peripheral-lead-zinc-mining",
    nameEn: "Huangshaping Peripheral and Deep Lead-Zinc Mining",
    // No nameZh: the only candidate was a translation of the English, not an established name.
    summary: "Mining of lead and zinc resources on the periphery of and at depth in Huangshaping. Construction began in 2024.",
    kind: "OWNED_ASSET",
    commodities: ["lead", "zinc"],
    countryCode: "CN",
    subdivision: "Hunan",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction(Q_HUANGSHAPING_MINING, ["commodities"]),
    bases: [
      publicFact("country", "The Huangshaping lead-zinc mine (黄沙坪铅锌矿) is in Guiyang County, Chenzhou, Hunan, China."),
      publicFact("subdivision", "The Huangshaping lead-zinc mine (黄沙坪铅锌矿) is in Guiyang County, Chenzhou, Hunan, China."),
    ],
    paraphrase: `construction commenced in 2024.`,
  },
  // ------------------------------------------------------------ contracts won
  {
    slug: "resorts-world-sentosa-hotel-expansion",
    nameEn: "Resorts World Sentosa Hotel Expansion",
    nameZh: "圣淘沙名胜世界酒店扩建项目",
    summary:
      "In 2024 China Minmetals won the bid for the design, construction and general contracting of the hotel expansion project at Resorts World Sentosa, one of a batch of “ten-billion” projects the source lists as won.",
    kind: "CONTRACT",
    commodities: [],
    countryCode: "SG",
    stage: "DESIGN",
    health: "NOT_ASSESSED",
    milestones: [{ key: "contract-won", title: "Design-build contract won", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "it successfully won the bid for a batch of ten-billion projects, such as the design, construction, and general contracting of the hotel expansion project at Resorts World Sentosa",
        supports: ["kind", "milestone"],
        milestoneKey: "contract-won",
      },
    ],
    bases: [
      inferred(
        "stage",
        "The source reports only that the design, construction and general contracting bid was won in 2024; a design-build contract just won starts with design.",
      ),
      publicFact("country", "Resorts World Sentosa is on Sentosa island, Singapore."),
      chineseName("The resort’s Chinese name is 圣淘沙名胜世界 (酒店扩建项目: hotel expansion project)."),
    ],
    paraphrase: `design, construction and general contracting bid won in 2024.`,
  },
  // ------------------------------------------------- strategic emerging industries
  {
    slug: "heilongjiang-high-purity-graphite-line",
    nameEn: "Heilongjiang High-Purity Graphite Production Line",
    summary:
      "China Minmetals' high-purity graphite production line in Heilongjiang was completed in 2024 and put into trial operation, meeting the standard on the first try.",
    kind: "OWNED_ASSET",
    commodities: ["graphite"],
    countryCode: "CN",
    subdivision: "Heilongjiang",
    stage: "COMMISSIONING",
    health: "ON_TRACK",
    milestones: [
      { key: "line-completed", title: "Line completed", actual: IN_2024, state: "ACHIEVED" },
      {
        key: "trial-operation-met-standard",
        title: "Trial operation started, met standard first time",
        actual: IN_2024,
        state: "ACHIEVED",
      },
    ],
    quotes: [
      {
        text: "Its high purity graphite production line in Heilongjiang was completed",
        supports: ["country", "subdivision", "commodities", "milestone"],
        milestoneKey: "line-completed",
      },
      {
        text: "Its high purity graphite production line in Heilongjiang was completed and put into trial operation, and met the standard on the first try.",
        supports: ["stage", "health", "milestone"],
        milestoneKey: "trial-operation-met-standard",
      },
    ],
    paraphrase: `completed and put into trial operation in 2024, meeting the standard on the first try.`,
  },
  product({
    slug: "new-generation-lithium-iron-phosphate",
    nameEn: "New-Generation Lithium Iron Phosphate Products",
    summary: "China Minmetals' new-generation lithium iron phosphate products were sold in bulk in 2024.",
    commodities: ["lithium"],
    milestoneKey: "sold-in-bulk",
    milestoneTitle: "Sold in bulk",
    quote: "Its new -generation iron phosphate lithium products were sold in bulks.",
    commoditiesQuoted: true,
    stageReason: "Products sold in bulk are in production and on the market.",
    bases: [],
    paraphrase: "new-generation lithium iron phosphate products sold in bulk in 2024.",
  }),
  product({
    slug: "ultra-fine-hard-alloy-bars-pk-drill-bits",
    nameEn: "Ultra-Fine Hard Alloy Bars and PK Series Drill Bits",
    summary: "China Minmetals' ultra-fine hard alloy bars, PK series drill bits and other products achieved import substitution in 2024.",
    commodities: ["tungsten"],
    milestoneKey: "import-substitution",
    milestoneTitle: "Import substitution achieved",
    quote: "Its ultra-fine hard alloy bars, PK series drill bits, and other products achieved import substitution.",
    commoditiesQuoted: false,
    stageReason: "Products that replace imports are in production and on the market.",
    bases: [publicFact("commodities", "Hard alloy (cemented carbide, 硬质合金) is made mainly of tungsten carbide.")],
    paraphrase: "ultra-fine hard alloy bars and PK series drill bits achieved import substitution in 2024.",
  }),
  // ---------------------------------------------------------- operating assets
  {
    slug: "las-bambas-copper-mine",
    nameEn: "Las Bambas Copper Mine",
    nameZh: "拉斯邦巴斯铜矿",
    summary:
      "The Las Bambas copper mine in Peru. In 2024 it supported the construction and delivery of the Kutuketai Bridge, part of the group's community work.",
    kind: "OWNED_ASSET",
    commodities: ["copper"],
    countryCode: "PE",
    subdivision: "Apurímac",
    stage: "OPERATION",
    health: "NOT_ASSESSED",
    // The bridge is community work the mine supported, not one of its capital milestones: it stays in the summary.
    milestones: [],
    quotes: [
      {
        text: "The Las Bambas Copper Mine in Peru supported the construction and delivery of the Kutuketai Bridge",
        supports: ["country", "commodities", "summary"],
      },
    ],
    bases: [
      publicFact("stage", "Las Bambas has been in commercial production since 2016."),
      publicFact("subdivision", "Las Bambas lies in the Apurímac region of Peru."),
      chineseName("MMG, the China Minmetals subsidiary that owns the mine, calls it 拉斯邦巴斯铜矿 in Chinese."),
    ],
    paraphrase: `supported the construction and delivery of the Kutuketai Bridge in 2024.`,
  },
  {
    slug: "mcc-ramu-nickel-cobalt",
    nameEn: "MCC Ramu Nickel and Cobalt Mine",
    nameZh: "瑞木镍钴项目",
    summary:
      "The MCC Ramu nickel and cobalt mine was recognized as an outstanding “governance” case in the 2024 Blue Book on Overseas ESG of Central State-owned Enterprises.",
    kind: "OWNED_ASSET",
    commodities: ["nickel", "cobalt"],
    countryCode: "PG",
    subdivision: "Madang",
    stage: "OPERATION",
    health: "NOT_ASSESSED",
    milestones: [],
    quotes: [
      {
        text: "the MCC Ramu Nickel and Cobalt Mine was recognized as an outstanding case in “governance” in the Blue Book on Overseas Environmental, Social, and Governance (ESG) of Central State-owned Enterprises (2024)",
        supports: ["commodities", "recognition"],
      },
    ],
    bases: [
      publicFact("stage", "The Ramu nickel-cobalt operation has produced since 2012."),
      publicFact("country", "The Ramu mine and its Basamuk refinery are in Madang Province, Papua New Guinea."),
      publicFact("subdivision", "The Ramu mine and its Basamuk refinery are in Madang Province, Papua New Guinea."),
      chineseName("MCC (中冶), which runs it, calls it 瑞木镍钴项目."),
    ],
    paraphrase: `recognized as an outstanding governance case in the 2024 central SOE overseas ESG Blue Book.`,
  },
  // ------------------------------------------ deep and peripheral prospecting (11 projects, 5 sites)
  {
    slug: PROGRAMME_SLUG,
    nameEn: "Deep and Peripheral Prospecting Programme (11 Projects)",
    summary:
      "The 11 deep and peripheral prospecting projects at Huangshaping (spelled “Hangshaping” in the source), Shuikoushan, Shizhuyuan, Yuanjing Tungsten and Xikuangshan, which the source says made significant gains in 2024. The source reports them as a whole, not per site; the five sites are its parts.",
    kind: "PROGRAMME",
    commodities: ["lead", "zinc", "tungsten", "tin", "molybdenum", "bismuth", "antimony"],
    countryCode: "CN",
    stage: "PROSPECTING",
    // "Significant gains" is progress, not a verdict against a plan (the health rule).
    health: "NOT_ASSESSED",
    milestones: [{ key: "prospecting-gains-2024", title: "2024 prospecting gains", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      { text: Q_PROSPECTING, supports: ["stage", "kind", "milestone"], milestoneKey: "prospecting-gains-2024" },
      { text: Q_PROSPECTING_EFFORT, supports: ["stage"] },
    ],
    bases: [
      inferred("commodities", "The commodities of its five sites (see each site’s basis)."),
      inferred("country", "All five sites are in China (see each site’s basis)."),
    ],
    paraphrase: `significant gains in the 11 deep and peripheral prospecting projects in 2024.`,
  },
  prospectingSite({
    slug: "huangshaping-deep-peripheral-prospecting",
    site: "Huangshaping",
    note: " (spelled “Hangshaping” in the source)",
    commodities: ["lead", "zinc"],
    commoditiesBasis: { text: Q_HUANGSHAPING_MINING, supports: ["commodities"] },
    countryCode: "CN",
    subdivision: "Hunan",
    bases: [
      publicFact("country", "The Huangshaping lead-zinc mine (黄沙坪铅锌矿) is in Guiyang County, Chenzhou, Hunan, China."),
      publicFact("subdivision", "The Huangshaping lead-zinc mine (黄沙坪铅锌矿) is in Guiyang County, Chenzhou, Hunan, China."),
    ],
  }),
  prospectingSite({
    slug: "shuikoushan-deep-peripheral-prospecting",
    site: "Shuikoushan",
    commodities: ["lead", "zinc"],
    commoditiesBasis: publicFact("commodities", "Shuikoushan (水口山) in Hunan is a lead-zinc mining district."),
    countryCode: "CN",
    subdivision: "Hunan",
    bases: [
      publicFact("country", "Shuikoushan (水口山) is in Changning, Hengyang, Hunan, China."),
      publicFact("subdivision", "Shuikoushan (水口山) is in Changning, Hengyang, Hunan, China."),
    ],
  }),
  prospectingSite({
    slug: "shizhuyuan-deep-peripheral-prospecting",
    site: "Shizhuyuan",
    commodities: ["tungsten", "tin", "molybdenum", "bismuth"],
    commoditiesBasis: publicFact("commodities", "Shizhuyuan (柿竹园) is a tungsten–tin–molybdenum–bismuth deposit."),
    countryCode: "CN",
    subdivision: "Hunan",
    bases: [
      publicFact("country", "Shizhuyuan (柿竹园) is near Chenzhou, Hunan, China."),
      publicFact("subdivision", "Shizhuyuan (柿竹园) is near Chenzhou, Hunan, China."),
    ],
  }),
  prospectingSite({
    slug: "yuanjing-tungsten-deep-peripheral-prospecting",
    site: "Yuanjing Tungsten",
    // The name says tungsten: the prospecting quote states the commodity. Province not certain: left empty.
    commodities: ["tungsten"],
    commoditiesBasis: "site name",
    countryCode: "CN",
    bases: [publicFact("country", "Yuanjing Tungsten is a China Minmetals tungsten company in China.")],
  }),
  prospectingSite({
    slug: "xikuangshan-deep-peripheral-prospecting",
    site: "Xikuangshan",
    commodities: ["antimony"],
    commoditiesBasis: publicFact("commodities", "Xikuangshan (锡矿山) is the world’s largest antimony deposit."),
    countryCode: "CN",
    subdivision: "Hunan",
    bases: [
      publicFact("country", "Xikuangshan (锡矿山) is in Lengshuijiang, Hunan, China."),
      publicFact("subdivision", "Xikuangshan (锡矿山) is in Lengshuijiang, Hunan, China."),
    ],
  }),
  // ------------------------------------------------------------- technology
  technology({
    slug: "deep-sea-mining-vehicle-6000m",
    nameEn: "6,000-Meter-Class Intelligent Electric-Driven Deep-Sea Heavy-Duty Mining Vehicle Platform",
    summary:
      "Collaborative work produced what the source calls the world's first 6,000-meter-class intelligent, electric-driven, heavy-duty deep-sea mining vehicle platform, reported among the 2024 technology achievements.",
    commodities: [],
    milestoneKey: "platform-developed",
    milestoneTitle: "Platform developed",
    quotes: [
      {
        text: "Collaborative efforts led to the world’s first 6,000-meter-class intelligent electric-driven deep-sea heavy-duty mining vehicle platform.",
        supports: ["stage", "actualFinish", "recognition", "milestone"],
        milestoneKey: "platform-developed",
      },
    ],
    paraphrase: "6,000-meter-class deep-sea mining vehicle platform developed (the source calls it the world's first).",
  }),
  technology({
    slug: "ultra-high-purity-graphite",
    nameEn: "Ultra-High Purity Graphite (above 99.99995%)",
    summary: "China Minmetals developed ultra-high purity graphite products with a purity above 99.99995%, reported among the 2024 technology achievements.",
    commodities: ["graphite"],
    milestoneKey: "products-developed",
    milestoneTitle: "Products developed",
    quotes: [
      {
        text: "Our company also developed ultra-high purity graphite products with a purity exceeding 99.99995%",
        supports: ["stage", "actualFinish", "commodities", "milestone"],
        milestoneKey: "products-developed",
      },
    ],
    paraphrase: "ultra-high purity graphite products above 99.99995% developed.",
  }),
  technology({
    slug: "titanium-electrode-block-line",
    nameEn: "Titanium and Titanium Alloy Electrode Block Production Line (over 10,000 tons)",
    summary:
      "China Minmetals established what the source calls the nation's first production line and process for titanium and titanium alloy electrode blocks, exceeding 10,000 tons.",
    commodities: ["titanium"],
    countryCode: "CN",
    milestoneKey: "line-established",
    milestoneTitle: "Production line and process established",
    quotes: [
      {
        text: "along with the nation’s first production line and process for titanium and titanium alloy electrode blocks exceeding 10,000 tons",
        supports: ["stage", "actualFinish", "commodities", "recognition", "milestone"],
        milestoneKey: "line-established",
      },
      { text: Q_CORE_TECH_LINES, supports: ["kind"] },
    ],
    bases: [inferred("country", "“the nation’s first” in a Chinese group’s report on its year: China.")],
    paraphrase: "titanium and titanium alloy electrode block line (over 10,000 tons) established (the source calls it the nation's first).",
  }),
  technology({
    slug: "large-continuous-casting-slab-technology",
    nameEn: "Larger-Scale Continuous Casting Slab Process Technology and Equipment",
    summary:
      "China Minmetals established comprehensive technologies and equipment for what the source calls the world's larger-scale continuous casting slab process, reported among the 2024 technology achievements.",
    commodities: [],
    milestoneKey: "technology-established",
    milestoneTitle: "Technologies and equipment established",
    quotes: [
      {
        text: "established comprehensive technologies and equipment for the world’s larger-scale continuous casting slab process",
        supports: ["stage", "actualFinish", "milestone"],
        milestoneKey: "technology-established",
      },
      { text: Q_CORE_TECH_LINES, supports: ["kind"] },
    ],
    paraphrase: "technologies and equipment for a larger-scale continuous casting slab process established.",
  }),
  {
    slug: "mineral-resources-technology-innovation-center",
    nameEn: "National Technology Innovation Center for Mineral Resources",
    summary:
      "China Minmetals was approved as the first national technology innovation center in the field of mineral resources, reported among the 2024 reform and innovation achievements.",
    kind: "TECHNOLOGY",
    commodities: [],
    countryCode: "CN",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [{ key: "centre-approved", title: "Approved as a national technology innovation center", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "Successfully approved as the first national technology innovation center in the field of mineral resources",
        supports: ["recognition", "milestone"],
        milestoneKey: "centre-approved",
      },
    ],
    bases: [
      inferred(
        "stage",
        "National technology innovation centers are approved for construction; the source reports the approval and nothing later, so the center is taken to be under construction.",
      ),
      inferred("country", "A “national” center in a Chinese group’s report: China."),
    ],
    paraphrase: "approved as the first national technology innovation center in the field of mineral resources.",
  },
];

export const minmetalsPortfolio: SeedPortfolio = {
  source: {
    key: "minmetals-2025-awc",
    title: SOURCE_TITLE,
    publisher: "China Minmetals Corporation",
    publishedOn: PUBLISHED,
    // The published address on the company's English site could not be confirmed offline: left out.
    textFile: "minmetals-2025-annual-working-conference.txt",
  },
  importedBy: "Source import",
  projects: facts.map(complete),
};
