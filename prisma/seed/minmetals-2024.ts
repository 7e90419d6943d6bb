import type { SeedMilestone, SeedPortfolio, SeedProject, SeedQuote } from "../../lib/db/seed-types";
import type { FuzzyDate } from "../../lib/projects/types";

/**
 * China Minmetals' capital projects as reported in the account of its 2025
 * Annual Working Conference (published 2025-01-23), which reviews 2024.
 *
 * Ground rules for this file:
 * - Every stage, health, milestone and stated place is backed by a quote copied
 *   verbatim from sources/minmetals-2025-annual-working-conference.txt, with the
 *   document's curly quotes (’ “ ”) and typos ("Hangshaping", "China Minmetal’s").
 *   The test beside this file checks every quote is an exact substring.
 * - The source dates events only as "in 2024", so dates are YEAR precision on
 *   2024-01-01. It states no baseline dates and no percentages: no milestone has
 *   a baseline and no project has progressPercent.
 * - Geography the source does not state is filled in only where it is a
 *   well-established public fact (country/province of a named mine or site);
 *   no coordinates. Where unsure (Zhaopingfang, Yuanjing Tungsten, the
 *   technology lines) country and subdivision are left empty.
 * - nameZh only where the Chinese place/asset name is well established; project
 *   names are those names plus plain descriptive words. Left out otherwise.
 */

const IN_2024: FuzzyDate = { date: "2024-01-01", precision: "YEAR" };
const PUBLISHED = "2025-01-23";
const SOURCE_TITLE = "China Minmetals Convenes 2025 Annual Working Conference";
const SOURCE_NAME = `“${SOURCE_TITLE}” (China Minmetals Corporation, ${PUBLISHED})`;

// Quotes shared by several projects (verbatim).
const Q_TOPPED_OUT =
  "the terminal of the International Trade Center in Xiong’an New Area and the North Campus of Beijing Palace Museum (Section One), undertaken by China Minmetals, topped out their steel frame and main structure respectively";
const Q_COMMENCING = "there were an array of projects commencing construction";
const Q_PROSPECTING =
  "with significant gains in the 11 deep and peripheral prospecting projects in Hangshaping, Shuikoushan, Shizhuyuan, Yuanjing Tungsten, and Xikuangshan";
const Q_PROSPECTING_EFFORT = "On the resource side, it has stepped up efforts in prospecting";
const Q_CORE_TECH_LINES = "These included a series of “core technology + equipment” production lines.";

/**
 * A project as written below: its facts plus a one-line paraphrase of what the
 * source says; the import's history entry is derived from these.
 */
type ProjectFacts = Omit<SeedProject, "history"> & { paraphrase: string };

/** Optional project fields that, when present, the import's history entry sets. */
const IMPORTED_FIELDS = [
  "countryCode",
  "subdivision",
  "operatingCompany",
  "plannedStart",
  "plannedFinish",
  "forecastFinish",
  "actualFinish",
] as const;

function withImportHistory({ paraphrase, ...project }: ProjectFacts): SeedProject {
  const sets = [
    "stage",
    "health",
    ...IMPORTED_FIELDS.filter((field) => project[field] !== undefined),
    ...project.milestones.map((m) => `milestone:${m.key}`),
  ];
  return {
    ...project,
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

const PROSPECTING_GAINS = "prospecting-gains-2024";

/**
 * One entry per site named in the prospecting sentence. The source counts 11
 * prospecting projects across the five sites without saying how many each has,
 * so each entry is a PROGRAMME: the site's share of the 11.
 */
function prospecting(p: {
  slug: string;
  site: string;
  nameZh?: string;
  businessLine: SeedProject["businessLine"];
  commodities: string[];
  countryCode?: string;
  subdivision?: string;
  note?: string;
}): ProjectFacts {
  return {
    slug: p.slug,
    nameEn: `${p.site} Deep and Peripheral Prospecting`,
    ...(p.nameZh ? { nameZh: p.nameZh } : {}),
    summary:
      `Deep and peripheral prospecting at ${p.site}${p.note ?? ""}. It is part of the 11 deep and peripheral prospecting projects across Huangshaping, Shuikoushan, Shizhuyuan, Yuanjing Tungsten and Xikuangshan that the source says made significant gains in 2024; it does not say how many of the 11 are at each site.`,
    kind: "PROGRAMME",
    businessLine: p.businessLine,
    commodities: p.commodities,
    ...(p.countryCode ? { countryCode: p.countryCode } : {}),
    ...(p.subdivision ? { subdivision: p.subdivision } : {}),
    stage: "PROSPECTING",
    health: "ON_TRACK",
    milestones: [{ key: PROSPECTING_GAINS, title: "2024 prospecting gains", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      { text: Q_PROSPECTING, supports: ["stage", "health", "milestone"], milestoneKey: PROSPECTING_GAINS },
      { text: Q_PROSPECTING_EFFORT, supports: ["stage"] },
    ],
    paraphrase: `significant gains in the deep and peripheral prospecting projects in 2024.`,
  };
}

/** A technology achievement the source reports for 2024. */
function technology(p: {
  slug: string;
  nameEn: string;
  summary: string;
  businessLine: SeedProject["businessLine"];
  commodities: string[];
  countryCode?: string;
  milestoneKey: string;
  milestoneTitle: string;
  quotes: SeedQuote[];
  paraphrase: string;
}): ProjectFacts {
  return {
    slug: p.slug,
    nameEn: p.nameEn,
    summary: p.summary,
    kind: "TECHNOLOGY",
    businessLine: p.businessLine,
    commodities: p.commodities,
    ...(p.countryCode ? { countryCode: p.countryCode } : {}),
    stage: "COMPLETED",
    health: "NOT_ASSESSED",
    actualFinish: IN_2024,
    milestones: [{ key: p.milestoneKey, title: p.milestoneTitle, actual: IN_2024, state: "ACHIEVED" }],
    quotes: p.quotes,
    paraphrase: p.paraphrase,
  };
}

const facts: ProjectFacts[] = [
  // ---------------------------------------------------------------- key projects
  {
    slug: "khoemacau-copper-mine",
    nameEn: "Khoemacau Copper Mine",
    summary:
      "China Minmetals took over the Khoemacau copper mine in Botswana in 2024. The source reports steady growth in the mine's output.",
    kind: "OWNED_ASSET",
    businessLine: "BASE_METALS",
    commodities: ["copper"],
    countryCode: "BW",
    stage: "OPERATION",
    health: "ON_TRACK",
    milestones: [{ key: "takeover", title: "Takeover completed", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "In 2024, the Khoemacau Copper Mine Project in Botswana was successfully taken over and showed a steady growth in output",
        supports: ["stage", "health", "country", "milestone"],
        milestoneKey: "takeover",
      },
    ],
    paraphrase: `taken over in 2024, with steady growth in output.`,
  },
  {
    slug: "kinsevere-copper-expansion",
    nameEn: "Kinsevere Copper Mine Expansion",
    nameZh: "金塞维尔铜矿扩建项目",
    summary:
      "The expansion of the Kinsevere copper mine in the Democratic Republic of Congo was completed and put into operation ahead of schedule in 2024. The mine was also awarded an “Outstanding Employer Enterprise” certificate in the DRC.",
    kind: "OWNED_ASSET",
    businessLine: "BASE_METALS",
    commodities: ["copper"],
    countryCode: "CD",
    // Kinsevere lies near Lubumbashi, Haut-Katanga (public fact; not in the source).
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
        supports: ["stage", "health", "milestone"],
        milestoneKey: "expansion-completed",
      },
      {
        text: "the Kinsevere Copper Mine was honored with the “Outstanding Employer Enterprise” certificate in the Democratic Republic of Congo (DRC)",
        supports: ["country", "recognition"],
      },
    ],
    paraphrase: `expansion completed and put into operation ahead of schedule in 2024.`,
  },
  {
    slug: "chentaigou-iron-mine",
    nameEn: "Chentaigou Iron Mining Project",
    nameZh: "陈台沟铁矿项目",
    summary:
      "Iron mining project at Chentaigou that outperformed its 2024 annual construction plan.",
    kind: "OWNED_ASSET",
    businessLine: "FERROUS_METALS",
    commodities: ["iron ore"],
    countryCode: "CN",
    subdivision: "Liaoning",
    stage: "CONSTRUCTION",
    health: "ON_TRACK",
    milestones: [
      { key: "construction-plan-2024", title: "2024 annual construction plan", actual: IN_2024, state: "ACHIEVED" },
    ],
    quotes: [
      {
        text: "the Chentaigou Iron Mining Project outperformed the annual construction plan",
        supports: ["stage", "health", "milestone"],
        milestoneKey: "construction-plan-2024",
      },
    ],
    paraphrase: `outperformed the 2024 annual construction plan.`,
  },
  {
    slug: "xiongan-itc-terminal",
    nameEn: "Xiong'an New Area International Trade Center Terminal",
    summary:
      "China Minmetals is the contractor for the terminal of the International Trade Center in Xiong'an New Area, whose steel frame was topped out in 2024.",
    kind: "CONTRACT",
    businessLine: "METALLURGICAL_CONSTRUCTION",
    commodities: [],
    countryCode: "CN",
    subdivision: "Hebei",
    stage: "CONSTRUCTION",
    // Topping out is progress, not a verdict against a schedule.
    health: "NOT_ASSESSED",
    milestones: [{ key: "steel-frame-topped-out", title: "Steel frame topped out", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: Q_TOPPED_OUT,
        supports: ["stage", "kind", "milestone"],
        milestoneKey: "steel-frame-topped-out",
      },
    ],
    paraphrase: `steel frame topped out in 2024.`,
  },
  {
    slug: "palace-museum-north-campus-section-one",
    nameEn: "Beijing Palace Museum North Campus (Section One)",
    // "Section One" is not rendered in Chinese: the exact official section name is not certain.
    nameZh: "故宫博物院北院区项目",
    summary:
      "China Minmetals is the contractor for Section One of the North Campus of the Beijing Palace Museum, whose main structure was topped out in 2024.",
    kind: "CONTRACT",
    businessLine: "METALLURGICAL_CONSTRUCTION",
    commodities: [],
    countryCode: "CN",
    subdivision: "Beijing",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [
      { key: "main-structure-topped-out", title: "Main structure topped out", actual: IN_2024, state: "ACHIEVED" },
    ],
    quotes: [
      {
        text: Q_TOPPED_OUT,
        supports: ["stage", "kind", "subdivision", "milestone"],
        milestoneKey: "main-structure-topped-out",
      },
    ],
    paraphrase: `main structure topped out in 2024.`,
  },
  {
    slug: "zhoukou-5600mm-rolling-mill",
    nameEn: "5600mm Rolling Mill, Zhoukou Base of Henan Iron & Steel Group",
    summary:
      "A 5600mm rolling mill at the Zhoukou Base of Henan Iron & Steel Group, delivered with China Minmetals' help, successfully completed its hot run test in 2024.",
    kind: "CONTRACT",
    businessLine: "METALLURGICAL_CONSTRUCTION",
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
        supports: ["stage", "kind", "operatingCompany", "subdivision", "milestone"],
        milestoneKey: "hot-run-test",
      },
    ],
    paraphrase: `hot run test completed in 2024.`,
  },
  // ------------------------------------------------ commenced construction in 2024
  {
    slug: "xianglushan-tungsten-beneficiation-upgrade",
    nameEn: "Xianglushan Tungsten Beneficiation Plant Technical Transformation",
    nameZh: "香炉山钨矿选矿厂技术改造项目",
    summary:
      "Technical transformation of the beneficiation plant for newly mined tungsten at Xianglushan. Construction began in 2024.",
    kind: "OWNED_ASSET",
    businessLine: "SPECIALTY_METALS",
    commodities: ["tungsten"],
    countryCode: "CN",
    subdivision: "Jiangxi",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction(
      "the technical transformation of the beneficiation plant for the newly-mined tungsten in Xianglushan",
    ),
    paraphrase: `construction commenced in 2024.`,
  },
  {
    slug: "salt-lake-lithium-phase-iii-upgrade",
    nameEn: "Salt Lake Phase III Lithium Process Improvement and Technical Transformation",
    nameZh: "五矿盐湖三期提锂工艺改进及技术改造项目",
    summary:
      "Phase III lithium process improvement and technical transformation at China Minmetals Salt Lake Co., Ltd. Construction began in 2024.",
    kind: "OWNED_ASSET",
    businessLine: "NEW_ENERGY_MATERIALS",
    commodities: ["lithium"],
    countryCode: "CN",
    subdivision: "Qinghai",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    operatingCompany: "China Minmetals Salt Lake Co., Ltd.",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction(
      "the Phase III lithium mining process improvement and technical transformation of China Minmetals Salt Lake Co., Ltd.",
      ["operatingCompany"],
    ),
    paraphrase: `construction commenced in 2024.`,
  },
  {
    slug: "zhaopingfang-iron-mining-beneficiation",
    nameEn: "Zhaopingfang Iron Mining and Beneficiation",
    summary: "Iron mining and beneficiation project at Zhaopingfang. Construction began in 2024.",
    kind: "OWNED_ASSET",
    businessLine: "FERROUS_METALS",
    commodities: ["iron ore"],
    // Location not stated in the source and not certain: left empty.
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction("the iron mining and beneficiation in Zhaopingfang"),
    paraphrase: `construction commenced in 2024.`,
  },
  {
    slug: "huangshaping-deep-peripheral-lead-zinc-mining",
    nameEn: "Huangshaping Peripheral and Deep Lead-Zinc Mining",
    nameZh: "黄沙坪铅锌矿深边部开采项目",
    summary:
      "Mining of lead and zinc resources on the periphery of and at depth in Huangshaping. Construction began in 2024.",
    kind: "OWNED_ASSET",
    businessLine: "BASE_METALS",
    commodities: ["lead", "zinc"],
    countryCode: "CN",
    subdivision: "Hunan",
    stage: "CONSTRUCTION",
    health: "NOT_ASSESSED",
    milestones: [constructionCommenced()],
    quotes: commencedConstruction("the peripheral and deep mining of lead and zinc resources in Huangshaping"),
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
    businessLine: "METALLURGICAL_CONSTRUCTION",
    commodities: [],
    countryCode: "SG",
    // Design-build contract just won; the source gives no further progress.
    stage: "DESIGN",
    health: "NOT_ASSESSED",
    milestones: [{ key: "contract-won", title: "Design-build contract won", actual: IN_2024, state: "ACHIEVED" }],
    quotes: [
      {
        text: "it successfully won the bid for a batch of ten-billion projects, such as the design, construction, and general contracting of the hotel expansion project at Resorts World Sentosa",
        supports: ["stage", "kind", "milestone"],
        milestoneKey: "contract-won",
      },
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
    // ADVANCED_MATERIALS_EQUIPMENT rather than NEW_ENERGY_MATERIALS: the source
    // reports it among the metallic/special materials of the strategic emerging
    // industries and never ties it to battery anodes, and the group's graphite
    // purity breakthrough is likewise an advanced-materials achievement.
    businessLine: "ADVANCED_MATERIALS_EQUIPMENT",
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
        supports: ["subdivision", "milestone"],
        milestoneKey: "line-completed",
      },
      {
        text: "Its high purity graphite production line in Heilongjiang was completed and put into trial operation, and met the standard on the first try.",
        supports: ["stage", "health", "subdivision", "milestone"],
        milestoneKey: "trial-operation-met-standard",
      },
    ],
    paraphrase: `completed and put into trial operation in 2024, meeting the standard on the first try.`,
  },
  // ---------------------------------------------------------- operating assets
  {
    slug: "las-bambas-copper-mine",
    nameEn: "Las Bambas Copper Mine",
    nameZh: "拉斯邦巴斯铜矿",
    summary:
      "The Las Bambas copper mine in Peru supported the construction and delivery of the Kutuketai Bridge in 2024, part of the group's community work.",
    kind: "OWNED_ASSET",
    businessLine: "BASE_METALS",
    commodities: ["copper"],
    countryCode: "PE",
    // Public fact, not in the source.
    subdivision: "Apurímac",
    // The source calls it a mine (not a project) and reports its community work;
    // it says nothing about schedule, so health is not assessed.
    stage: "OPERATION",
    health: "NOT_ASSESSED",
    milestones: [
      { key: "kutuketai-bridge-delivered", title: "Kutuketai Bridge delivered", actual: IN_2024, state: "ACHIEVED" },
    ],
    quotes: [
      {
        text: "The Las Bambas Copper Mine in Peru supported the construction and delivery of the Kutuketai Bridge",
        supports: ["stage", "country", "milestone"],
        milestoneKey: "kutuketai-bridge-delivered",
      },
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
    businessLine: "BASE_METALS",
    commodities: ["nickel", "cobalt"],
    // Papua New Guinea, Madang Province: public facts, not in the source.
    countryCode: "PG",
    subdivision: "Madang",
    stage: "OPERATION",
    health: "NOT_ASSESSED",
    milestones: [],
    quotes: [
      {
        text: "the MCC Ramu Nickel and Cobalt Mine was recognized as an outstanding case in “governance” in the Blue Book on Overseas Environmental, Social, and Governance (ESG) of Central State-owned Enterprises (2024)",
        supports: ["stage", "recognition"],
      },
    ],
    paraphrase: `recognized as an outstanding governance case in the 2024 central SOE overseas ESG Blue Book.`,
  },
  // ------------------------------------------ deep and peripheral prospecting (11 projects, 5 sites)
  prospecting({
    slug: "huangshaping-deep-peripheral-prospecting",
    site: "Huangshaping",
    note: " (spelled “Hangshaping” in the source)",
    nameZh: "黄沙坪铅锌矿深边部找矿项目",
    businessLine: "BASE_METALS",
    commodities: ["lead", "zinc"],
    countryCode: "CN",
    subdivision: "Hunan",
  }),
  prospecting({
    slug: "shuikoushan-deep-peripheral-prospecting",
    site: "Shuikoushan",
    nameZh: "水口山深边部找矿项目",
    businessLine: "BASE_METALS",
    commodities: ["lead", "zinc"],
    countryCode: "CN",
    subdivision: "Hunan",
  }),
  prospecting({
    slug: "shizhuyuan-deep-peripheral-prospecting",
    site: "Shizhuyuan",
    nameZh: "柿竹园深边部找矿项目",
    businessLine: "SPECIALTY_METALS",
    commodities: ["tungsten"],
    countryCode: "CN",
    subdivision: "Hunan",
  }),
  prospecting({
    slug: "yuanjing-tungsten-deep-peripheral-prospecting",
    site: "Yuanjing Tungsten",
    // Chinese name and location not certain: left out.
    businessLine: "SPECIALTY_METALS",
    commodities: ["tungsten"],
  }),
  prospecting({
    slug: "xikuangshan-deep-peripheral-prospecting",
    site: "Xikuangshan",
    nameZh: "锡矿山深边部找矿项目",
    businessLine: "SPECIALTY_METALS",
    commodities: ["antimony"],
    countryCode: "CN",
    subdivision: "Hunan",
  }),
  // ------------------------------------------------------------- technology
  technology({
    slug: "deep-sea-mining-vehicle-6000m",
    nameEn: "6,000-Meter-Class Intelligent Electric-Driven Deep-Sea Heavy-Duty Mining Vehicle Platform",
    summary:
      "Collaborative work produced what the source calls the world's first 6,000-meter-class intelligent, electric-driven, heavy-duty deep-sea mining vehicle platform, reported among the 2024 technology achievements.",
    businessLine: "ADVANCED_MATERIALS_EQUIPMENT",
    commodities: [],
    milestoneKey: "platform-developed",
    milestoneTitle: "Platform developed",
    quotes: [
      {
        text: "Collaborative efforts led to the world’s first 6,000-meter-class intelligent electric-driven deep-sea heavy-duty mining vehicle platform.",
        supports: ["stage", "recognition", "milestone"],
        milestoneKey: "platform-developed",
      },
    ],
    paraphrase: "world's first 6,000-meter-class deep-sea mining vehicle platform developed.",
  }),
  technology({
    slug: "ultra-high-purity-graphite",
    nameEn: "Ultra-High Purity Graphite (above 99.99995%)",
    summary:
      "China Minmetals developed ultra-high purity graphite products with a purity above 99.99995%, reported among the 2024 technology achievements.",
    businessLine: "ADVANCED_MATERIALS_EQUIPMENT",
    commodities: ["graphite"],
    milestoneKey: "products-developed",
    milestoneTitle: "Products developed",
    quotes: [
      {
        text: "Our company also developed ultra-high purity graphite products with a purity exceeding 99.99995%",
        supports: ["stage", "milestone"],
        milestoneKey: "products-developed",
      },
    ],
    paraphrase: "ultra-high purity graphite products above 99.99995% developed.",
  }),
  technology({
    slug: "titanium-electrode-block-line",
    nameEn: "Titanium and Titanium Alloy Electrode Block Production Line (over 10,000 tons)",
    summary:
      "China Minmetals established the nation's first production line and process for titanium and titanium alloy electrode blocks, which the source describes as exceeding 10,000 tons.",
    businessLine: "SPECIALTY_METALS",
    commodities: ["titanium"],
    // "the nation’s first" — China.
    countryCode: "CN",
    milestoneKey: "line-established",
    milestoneTitle: "Production line and process established",
    quotes: [
      {
        text: "along with the nation’s first production line and process for titanium and titanium alloy electrode blocks exceeding 10,000 tons",
        supports: ["stage", "country", "recognition", "milestone"],
        milestoneKey: "line-established",
      },
      { text: Q_CORE_TECH_LINES, supports: ["kind"] },
    ],
    paraphrase: "the nation's first titanium and titanium alloy electrode block line (over 10,000 tons) established.",
  }),
  technology({
    slug: "large-continuous-casting-slab-technology",
    nameEn: "Larger-Scale Continuous Casting Slab Process Technology and Equipment",
    summary:
      "China Minmetals established comprehensive technologies and equipment for what the source calls the world's larger-scale continuous casting slab process, reported among the 2024 technology achievements.",
    // Metallurgical engineering technology and equipment: the construction/engineering line.
    businessLine: "METALLURGICAL_CONSTRUCTION",
    commodities: [],
    milestoneKey: "technology-established",
    milestoneTitle: "Technologies and equipment established",
    quotes: [
      {
        text: "established comprehensive technologies and equipment for the world’s larger-scale continuous casting slab process",
        supports: ["stage", "milestone"],
        milestoneKey: "technology-established",
      },
      { text: Q_CORE_TECH_LINES, supports: ["kind"] },
    ],
    paraphrase: "technologies and equipment for a larger-scale continuous casting slab process established.",
  }),
];

export const minmetalsPortfolio: SeedPortfolio = {
  source: {
    key: "minmetals-2025-awc",
    title: SOURCE_TITLE,
    publisher: "China Minmetals Corporation",
    publishedOn: PUBLISHED,
    textFile: "minmetals-2025-annual-working-conference.txt",
  },
  importedBy: "Source import",
  projects: facts.map(withImportHistory),
};
