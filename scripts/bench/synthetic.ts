import type { BusinessLine, DatePrecision, Health, MilestoneState, ProjectKind, Region, Stage } from "../../lib/projects/enums";
import { KNOWN_COUNTRIES, regionOfCountry } from "../../lib/projects/regions";
import type { FuzzyDate } from "../../lib/projects/types";
import type { SeedMilestone, SeedOrgUnit, SeedProject } from "../../lib/db/seed-types";

/**
 * A deterministic synthetic portfolio for benchmarks and scale tests. It is
 * never part of the real seed: every slug starts with SYNTHETIC_SLUG_PREFIX and
 * every name with "Syn", so synthetic rows can be recognized (and deleted).
 *
 * Project i depends only on (seed, i, options), not on the batch it was made
 * in: generating 0..999 then 1000..1999 gives the same projects as 0..1999.
 * Nothing reads the clock; "now" is `asOf`, fixed by default, so the same seed
 * gives the same portfolio on every day and machine.
 */
export const SYNTHETIC_SLUG_PREFIX = "syn-";
/** The synthetic portfolio's "today": milestone states and history are relative to it. */
export const SYNTHETIC_AS_OF = "2026-11-01";

export interface SyntheticOptions {
  count: number;
  seed?: number;
  milestonesPerProject?: number;
  historyPerProject?: number;
  /** Number of the first project (in its name and slug); default 1. */
  startIndex?: number;
  /** The portfolio's "today", YYYY-MM-DD; default SYNTHETIC_AS_OF. */
  asOf?: string;
}

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes (seed, index) into one well-spread 32-bit seed (murmur3's finalizer). */
function mix(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index >>> 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Picks from [value, weight] pairs; weights need not sum to 1. */
function weighted<T>(table: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  return (rng) => {
    let r = rng() * total;
    for (const [value, w] of table) if ((r -= w) < 0) return value;
    return table[table.length - 1][0];
  };
}

// ---------------------------------------------------------------------------
// Dates. A date is held as a month index (year * 12 + month0) plus a day, so
// that shifting by months needs no Date object; formatting is by hand.

const MIN_FINISH = 2020 * 12; // 2020-01
const MAX_FINISH = 2032 * 12 + 11; // 2032-12

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(mi: number): number {
  const year = Math.floor(mi / 12);
  const month0 = mi % 12;
  if (month0 === 1) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return MONTH_DAYS[month0];
}

// There are only a few thousand distinct dates: each is built once and shared
// (frozen, so a consumer cannot change one project's date through another).
// Allocating one object per date was most of the generator's time, in GC.
const dateCache = new Map<number, FuzzyDate>();
const PRECISION_CODE: Record<DatePrecision, number> = { DAY: 0, MONTH: 1, QUARTER: 2, YEAR: 3 };

/** The date as the source would give it: the first day of its period for its precision. */
export function fuzzyDate(monthIndex: number, day: number, precision: DatePrecision): FuzzyDate {
  let mi = monthIndex;
  let d = Math.min(Math.max(day, 1), daysInMonth(mi));
  if (precision === "YEAR") mi -= mi % 12;
  else if (precision === "QUARTER") mi -= mi % 3;
  if (precision !== "DAY") d = 1;
  const key = (mi * 32 + d) * 4 + PRECISION_CODE[precision];
  let date = dateCache.get(key);
  if (date === undefined) {
    date = Object.freeze({ date: `${Math.floor(mi / 12)}-${pad2((mi % 12) + 1)}-${pad2(d)}`, precision });
    dateCache.set(key, date);
  }
  return date;
}

function parseIsoDay(iso: string): { mi: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`asOf must be YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  return { mi: Number(m[1]) * 12 + Number(m[2]) - 1, day: Number(m[3]) };
}

const DAY_MS = 86_400_000;
const isoDays = new Map<number, string>();
function isoDay(ms: number): string {
  let day = isoDays.get(ms);
  if (day === undefined) {
    day = new Date(ms).toISOString().slice(0, 10);
    isoDays.set(ms, day);
  }
  return day;
}

// ---------------------------------------------------------------------------
// Catalogues.

interface Commodity {
  key: string;
  en: string;
  zh: string;
  line: BusinessLine;
  /** Made, not dug up (steel, cathode materials): no mine, concentrator or smelter. */
  processed?: true;
}

const COMMODITIES: readonly (readonly [Commodity, number])[] = [
  [{ key: "copper", en: "Copper", zh: "铜", line: "BASE_METALS" }, 16],
  [{ key: "zinc", en: "Zinc", zh: "锌", line: "BASE_METALS" }, 7],
  [{ key: "lead-zinc", en: "Lead-Zinc", zh: "铅锌", line: "BASE_METALS" }, 5],
  [{ key: "nickel", en: "Nickel", zh: "镍", line: "BASE_METALS" }, 6],
  [{ key: "aluminium", en: "Aluminium", zh: "铝", line: "BASE_METALS" }, 5],
  [{ key: "tin", en: "Tin", zh: "锡", line: "BASE_METALS" }, 2],
  [{ key: "tungsten", en: "Tungsten", zh: "钨", line: "SPECIALTY_METALS" }, 5],
  [{ key: "antimony", en: "Antimony", zh: "锑", line: "SPECIALTY_METALS" }, 2],
  [{ key: "rare-earths", en: "Rare Earths", zh: "稀土", line: "SPECIALTY_METALS" }, 5],
  [{ key: "molybdenum", en: "Molybdenum", zh: "钼", line: "SPECIALTY_METALS" }, 2],
  [{ key: "bismuth", en: "Bismuth", zh: "铋", line: "SPECIALTY_METALS" }, 1],
  [{ key: "iron-ore", en: "Iron Ore", zh: "铁", line: "FERROUS_METALS" }, 7],
  [{ key: "manganese", en: "Manganese", zh: "锰", line: "FERROUS_METALS" }, 2],
  [{ key: "chromium", en: "Chromium", zh: "铬", line: "FERROUS_METALS" }, 1],
  [{ key: "steel", en: "Steel", zh: "钢铁", line: "FERROUS_METALS", processed: true }, 4],
  [{ key: "lithium", en: "Lithium", zh: "锂", line: "NEW_ENERGY_MATERIALS" }, 6],
  [{ key: "cobalt", en: "Cobalt", zh: "钴", line: "NEW_ENERGY_MATERIALS" }, 4],
  [{ key: "graphite", en: "Graphite", zh: "石墨", line: "NEW_ENERGY_MATERIALS" }, 2],
  [{ key: "cathode", en: "Cathode Materials", zh: "正极材料", line: "NEW_ENERGY_MATERIALS", processed: true }, 3],
];

interface Facility {
  key: string;
  en: string;
  zh: string;
  kind: ProjectKind;
  /** Business line when it is not the commodity's. */
  line?: BusinessLine;
  /** Works on ore: not for a processed commodity. */
  ore?: true;
}

const FACILITIES: readonly (readonly [Facility, number])[] = [
  [{ key: "mine", en: "Mine", zh: "矿", kind: "OWNED_ASSET", ore: true }, 22],
  [{ key: "mine-expansion", en: "Mine Expansion", zh: "矿扩建", kind: "OWNED_ASSET", ore: true }, 8],
  [{ key: "concentrator", en: "Concentrator", zh: "选矿厂", kind: "OWNED_ASSET", ore: true }, 8],
  [{ key: "smelter", en: "Smelter", zh: "冶炼厂", kind: "OWNED_ASSET", ore: true }, 10],
  [{ key: "refinery", en: "Refinery", zh: "精炼厂", kind: "OWNED_ASSET", ore: true }, 6],
  [{ key: "processing-plant", en: "Processing Plant", zh: "加工厂", kind: "OWNED_ASSET" }, 6],
  [{ key: "smelter-epc", en: "Smelter EPC Contract", zh: "冶炼厂总承包", kind: "CONTRACT", line: "METALLURGICAL_CONSTRUCTION", ore: true }, 9],
  [{ key: "plant-construction", en: "Plant Construction Contract", zh: "工厂建设合同", kind: "CONTRACT", line: "METALLURGICAL_CONSTRUCTION" }, 7],
  [{ key: "mine-contract", en: "Mine Development Contract", zh: "矿山开发合同", kind: "CONTRACT", ore: true }, 4],
  [{ key: "materials-line", en: "Advanced Materials Line", zh: "新材料产线", kind: "TECHNOLOGY", line: "ADVANCED_MATERIALS_EQUIPMENT" }, 6],
  [{ key: "technology-pilot", en: "Technology Pilot", zh: "技术中试", kind: "TECHNOLOGY" }, 4],
  [{ key: "equipment-line", en: "Equipment Line", zh: "装备产线", kind: "TECHNOLOGY", line: "ADVANCED_MATERIALS_EQUIPMENT" }, 3],
  [{ key: "decarbonisation", en: "Decarbonisation Programme", zh: "降碳计划", kind: "PROGRAMME" }, 4],
  [{ key: "digitalisation", en: "Digitalisation Programme", zh: "数字化计划", kind: "PROGRAMME" }, 3],
];

const pickCommodity = weighted(COMMODITIES);
const pickFacility = weighted(FACILITIES);

/** Half the portfolio at home, the rest where a metals group invests. */
const pickRegion = weighted<Region>([
  ["CHINA", 50],
  ["AFRICA", 14],
  ["LATIN_AMERICA", 11],
  ["ASIA_PACIFIC", 12],
  ["MIDDLE_EAST", 5],
  ["EUROPE", 5],
  ["NORTH_AMERICA", 3],
]);

/** Countries where most of a region's projects are; the rest spread over all of the region's known countries. */
const FAVOURED: Record<Region, string[]> = {
  CHINA: ["CN"],
  AFRICA: ["ZM", "CD", "ZA", "ZW", "NA", "GN", "TZ", "MG"],
  LATIN_AMERICA: ["PE", "CL", "BR", "AR", "MX", "EC"],
  ASIA_PACIFIC: ["AU", "ID", "PG", "MN", "KZ", "LA", "MY", "VN"],
  MIDDLE_EAST: ["SA", "AE", "OM", "IR"],
  EUROPE: ["RS", "RU", "DE", "PL", "TR"],
  NORTH_AMERICA: ["CA", "US"],
};

const COUNTRIES_OF = new Map<Region, string[]>();
for (const code of KNOWN_COUNTRIES) {
  const region = regionOfCountry(code);
  if (region) COUNTRIES_OF.set(region, [...(COUNTRIES_OF.get(region) ?? []), code]);
}

function pickCountry(rng: Rng, region: Region): string {
  if (region === "CHINA") return rng() < 0.97 ? "CN" : pick(rng, ["HK", "MO"]);
  return rng() < 0.7 ? pick(rng, FAVOURED[region]) : pick(rng, COUNTRIES_OF.get(region)!);
}

// Intl's names, except where they read badly in a project name.
const NAME_OVERRIDES: Record<string, string> = {
  CD: "DR Congo",
  CG: "Republic of the Congo",
  HK: "Hong Kong",
  MO: "Macau",
  CI: "Cote d'Ivoire",
};
const countryNames = new Map<string, string>();
let displayNames: Intl.DisplayNames | undefined;
function countryName(code: string): string {
  let name = countryNames.get(code);
  if (name === undefined) {
    displayNames ??= new Intl.DisplayNames(["en"], { type: "region" });
    name = NAME_OVERRIDES[code] ?? displayNames.of(code) ?? code;
    countryNames.set(code, name);
  }
  return name;
}

const PROVINCES = [
  "Yunnan",
  "Jiangxi",
  "Hunan",
  "Guangxi",
  "Inner Mongolia",
  "Xinjiang",
  "Tibet",
  "Gansu",
  "Qinghai",
  "Sichuan",
  "Guangdong",
  "Fujian",
  "Anhui",
  "Hebei",
  "Shandong",
  "Liaoning",
  "Heilongjiang",
  "Hubei",
];

const OPERATING_COMPANIES = [
  "Northwind Copper Co.",
  "Red River Metals Ltd.",
  "Jade Mountain Mining",
  "Golden Delta Resources",
  "Blue Ridge Smelting Co.",
  "Eastern Cathay Metals",
  "Silver Lake Minerals",
  "Pacific Rim Nickel",
  "Sahel Gold & Base Metals",
  "Copperbelt Holdings plc",
  "Andes Highland Mining S.A.",
  "Atacama Lithium SpA",
  "Great Plains Ferroalloys",
  "Southern Cross Iron Ore",
  "Kalahari Manganese Pty",
  "Zambezi Cobalt Ltd.",
  "Yangtze Nonferrous Group",
  "Pearl River Rare Earths",
  "Qilian Tungsten Co.",
  "Tianshan Mineral Development",
  "Huaxin Metallurgical Engineering",
  "Zhongyuan Steel Construction",
  "Lianhe New Energy Materials",
  "Baishan Advanced Materials",
  "Jinling Equipment Manufacturing",
  "Hengtai Antimony Industries",
  "Meridian Metallurgy Contractors",
  "Polaris Engineering & Construction",
  "Orient Smelter Services",
  "Gulf Aluminium Partners",
  "Anatolian Zinc A.S.",
  "Balkan Copper d.o.o.",
  "Steppe Resources LLP",
  "Mekong Tin & Minerals",
  "Sunda Nickel Processing",
  "Coral Sea Minerals",
  "Laurentian Graphite Inc.",
  "Sierra Madre Metals S.A. de C.V.",
  "Amazonia Bauxite Ltda.",
  "Highveld Chrome (Pty) Ltd",
];

const pickStage = weighted<Stage>([
  ["PROSPECTING", 6],
  ["FEASIBILITY", 10],
  ["DESIGN", 10],
  ["CONSTRUCTION", 25],
  ["COMMISSIONING", 8],
  ["RAMP_UP", 7],
  ["OPERATION", 20],
  ["COMPLETED", 8],
  ["ON_HOLD", 4],
  ["CANCELLED", 2],
]);

const pickHealth = weighted<Health>([
  ["ON_TRACK", 60],
  ["AT_RISK", 20],
  ["OFF_TRACK", 10],
  ["NOT_ASSESSED", 10],
]);

/** How far through its timeline (start → forecast finish) a project in each stage is. */
const ELAPSED: Record<Stage, readonly [number, number]> = {
  PROSPECTING: [0, 0.08],
  FEASIBILITY: [0.05, 0.2],
  DESIGN: [0.15, 0.35],
  CONSTRUCTION: [0.3, 0.75],
  COMMISSIONING: [0.7, 0.92],
  RAMP_UP: [0.9, 1.05],
  OPERATION: [1.02, 1.6],
  COMPLETED: [1.05, 1.9],
  ON_HOLD: [0.15, 0.6],
  CANCELLED: [0.05, 0.5],
};

/** Months of slip at the finish, by health. */
const SLIP: Record<Health, readonly [number, number]> = {
  ON_TRACK: [0, 1],
  AT_RISK: [1, 6],
  OFF_TRACK: [4, 18],
  NOT_ASSESSED: [0, 4],
};

const STAGE_LABEL: Record<Stage, string> = {
  PROSPECTING: "in prospecting",
  FEASIBILITY: "at feasibility",
  DESIGN: "in design",
  CONSTRUCTION: "under construction",
  COMMISSIONING: "in commissioning",
  RAMP_UP: "ramping up",
  OPERATION: "in operation",
  COMPLETED: "completed",
  ON_HOLD: "on hold",
  CANCELLED: "cancelled",
};

const MILESTONES: readonly { key: string; en: string; zh: string }[] = [
  { key: "feasibility-approved", en: "Feasibility study approved", zh: "可行性研究获批" },
  { key: "permits-granted", en: "Environmental and mining permits granted", zh: "环评及采矿许可获批" },
  { key: "financing-closed", en: "Project financing closed", zh: "项目融资完成" },
  { key: "epc-awarded", en: "EPC contract awarded", zh: "总承包合同授予" },
  { key: "construction-start", en: "Construction start", zh: "开工建设" },
  { key: "main-equipment", en: "Main equipment installed", zh: "主要设备安装完成" },
  { key: "mechanical-completion", en: "Mechanical completion", zh: "机械竣工" },
  { key: "first-production", en: "First production", zh: "首批产品产出" },
  { key: "commercial-production", en: "Commercial production declared", zh: "宣布商业生产" },
  { key: "nameplate-capacity", en: "Nameplate capacity reached", zh: "达到设计产能" },
];

const pickPrecision = weighted<DatePrecision>([
  ["DAY", 25],
  ["MONTH", 40],
  ["QUARTER", 20],
  ["YEAR", 15],
]);
const pickActualPrecision = weighted<DatePrecision>([
  ["DAY", 55],
  ["MONTH", 40],
  ["QUARTER", 5],
]);

const REPORT_KINDS = ["Quarterly status report", "Site visit note", "Board update", "Monthly progress report", "Risk review"];

// ---------------------------------------------------------------------------

/**
 * 40 synthetic units under the group: 8 subsidiaries (SYN-A … SYN-H) of 4
 * branches each. Projects are spread over them (and the group itself) by
 * their number, without drawing from the random stream, so every other
 * generated value is unchanged.
 */
const SUBSIDIARY_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"];
export const SYNTHETIC_ORG_UNITS: SeedOrgUnit[] = SUBSIDIARY_LETTERS.flatMap((l) => [
  { code: `SYN-${l}`, parentCode: "GRP", nameEn: `Synthetic subsidiary ${l}`, nameZh: `合成子公司${l}`, currency: "CNY" },
  ...[1, 2, 3, 4].map((b) => ({ code: `SYN-${l}${b}`, parentCode: `SYN-${l}`, nameEn: `Synthetic branch ${l}${b}`, currency: "CNY" })),
]);
const SYNTHETIC_OWNERS: (string | undefined)[] = [undefined, ...SYNTHETIC_ORG_UNITS.map((u) => u.code)];

/** The owning unit of synthetic project number `index` (undefined: the group itself). */
export function syntheticOrgUnitOf(index: number): string | undefined {
  return SYNTHETIC_OWNERS[(index * 7) % SYNTHETIC_OWNERS.length];
}

export function generateSyntheticProjects(opts: SyntheticOptions): SeedProject[] {
  const { count, seed = 1, milestonesPerProject = 10, historyPerProject = 3, startIndex = 1, asOf = SYNTHETIC_AS_OF } = opts;
  for (const [name, value] of Object.entries({ count, milestonesPerProject, historyPerProject, startIndex }))
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  const now = parseIsoDay(asOf);
  const nowMs = Date.UTC(Math.floor(now.mi / 12), now.mi % 12, now.day);

  const projects: SeedProject[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const index = startIndex + i;
    projects[i] = syntheticProject(mulberry32(mix(seed, index)), index, now.mi, nowMs, milestonesPerProject, historyPerProject);
  }
  return projects;
}

function syntheticProject(rng: Rng, index: number, nowMi: number, nowMs: number, milestoneCount: number, historyCount: number): SeedProject {
  const commodity = pickCommodity(rng);
  let facility = pickFacility(rng);
  while (commodity.processed && facility.ore) facility = pickFacility(rng);
  // A programme may span several countries: then it has none.
  const countryCode = facility.kind === "PROGRAMME" && rng() < 0.3 ? undefined : pickCountry(rng, pickRegion(rng));
  const businessLine = facility.line && rng() < 0.85 ? facility.line : commodity.line;
  const stage = pickStage(rng);
  const health = pickHealth(rng);
  const number = String(index).padStart(5, "0");
  const place = countryCode ? countryName(countryCode) : "Multi-country";

  // Timeline: choose how far through it the project is, then place it around "now".
  const planMonths = int(rng, 18, 72);
  const slip = int(rng, ...SLIP[health]);
  const [lo, hi] = ELAPSED[stage];
  const elapsed = lo + rng() * (hi - lo);
  let forecastFinish = nowMi + Math.round((1 - elapsed) * (planMonths + slip));
  forecastFinish = Math.min(MAX_FINISH, Math.max(MIN_FINISH + slip, forecastFinish));
  const plannedFinish = forecastFinish - slip;
  const plannedStart = plannedFinish - planMonths;
  const finishDay = int(rng, 1, 28);

  const milestones: SeedMilestone[] = [];
  for (let m = 0; m < milestoneCount; m++) {
    const template = MILESTONES[m % MILESTONES.length];
    const round = Math.floor(m / MILESTONES.length);
    const share = (m + 1) / milestoneCount;
    const baselineMi = plannedStart + Math.round(planMonths * share);
    // Slip accumulates along the schedule; a few milestones move a month either way.
    const jitter = rng() < 0.15 ? (rng() < 0.5 ? -1 : 1) : 0;
    const forecastMi = Math.min(MAX_FINISH, baselineMi + Math.round(slip * share) + jitter);
    const day = int(rng, 1, 28);
    const past = forecastMi < nowMi;

    let state: MilestoneState;
    if (past) state = rng() < 0.92 ? "ACHIEVED" : "MISSED";
    else if (stage === "CANCELLED") state = "CANCELLED";
    else state = rng() < 0.03 ? "CANCELLED" : "PLANNED";

    const baselinePrecision = pickPrecision(rng);
    const milestone: SeedMilestone = {
      key: round === 0 ? template.key : `${template.key}-${round + 1}`,
      title: round === 0 ? template.en : `${template.en} (phase ${round + 1})`,
      titleZh: round === 0 ? template.zh : `${template.zh}（第${round + 1}期）`,
      baseline: rng() < 0.95 ? fuzzyDate(baselineMi, day, baselinePrecision) : undefined,
      forecast: fuzzyDate(forecastMi, day, rng() < 0.5 ? baselinePrecision : pickPrecision(rng)),
      state,
    };
    if (state === "ACHIEVED") milestone.actual = fuzzyDate(forecastMi, day, pickActualPrecision(rng));
    milestones.push(milestone);
  }

  let progressPercent: number | undefined;
  if (rng() >= 0.15) {
    progressPercent =
      stage === "OPERATION" || stage === "COMPLETED" ? 100 : Math.max(0, Math.min(99, Math.round(Math.min(elapsed, 1) * 100 + (rng() - 0.5) * 10)));
  }

  const finished = (stage === "RAMP_UP" || stage === "OPERATION" || stage === "COMPLETED") && forecastFinish < nowMi;
  const nameEn = `Syn ${commodity.en} ${facility.en} ${number} (${place})`;

  const project: SeedProject = {
    slug: `${SYNTHETIC_SLUG_PREFIX}${number}-${commodity.key}-${facility.key}${countryCode ? `-${countryCode.toLowerCase()}` : ""}`,
    nameEn,
    nameZh: rng() < 0.3 ? `合成${commodity.zh}${facility.zh}${number}` : undefined,
    summary: `Synthetic ${commodity.en.toLowerCase()} ${facility.en.toLowerCase()} in ${place}, ${STAGE_LABEL[stage]}; generated for scale tests, not a real project.`,
    kind: facility.kind,
    businessLine,
    commodities: rng() < 0.2 ? [commodity.key, pick(rng, COMMODITIES)[0].key].filter((c, k, all) => all.indexOf(c) === k) : [commodity.key],
    countryCode,
    subdivision: countryCode === "CN" && rng() < 0.6 ? pick(rng, PROVINCES) : undefined,
    stage,
    health,
    progressPercent,
    plannedStart: rng() < 0.8 ? fuzzyDate(plannedStart, int(rng, 1, 28), pickPrecision(rng)) : undefined,
    plannedFinish: fuzzyDate(plannedFinish, finishDay, pickPrecision(rng)),
    forecastFinish: rng() < 0.9 ? fuzzyDate(forecastFinish, finishDay, pickPrecision(rng)) : undefined,
    actualFinish: finished ? fuzzyDate(forecastFinish, finishDay, pickActualPrecision(rng)) : undefined,
    operatingCompany: rng() < 0.9 ? pick(rng, OPERATING_COMPANIES) : undefined,
    orgUnit: syntheticOrgUnitOf(index),
    milestones,
    quotes: [], // synthetic facts have no source
    history: [],
  };

  // History: dates spread over the three years before "now", oldest first. The
  // oldest entry sets everything it can; later ones a few facts each.
  const days = Array.from({ length: historyCount }, () => int(rng, 0, 3 * 365 - 1)).sort((a, b) => b - a);
  for (let h = 0; h < historyCount; h++) {
    const sets: string[] = [];
    if (h === 0 || rng() < 0.5) sets.push("stage");
    if (h === 0 || rng() < 0.6) sets.push("health");
    if (progressPercent !== undefined && (h === 0 || rng() < 0.5)) sets.push("progress");
    const touched = h === 0 ? Math.min(milestoneCount, 3) : int(rng, 0, Math.min(milestoneCount, 2));
    for (let k = 0; k < touched; k++) {
      const key = `milestone:${pick(rng, milestones).key}`;
      if (!sets.includes(key)) sets.push(key);
    }
    if (sets.length === 0) sets.push("health");
    const occurredAt = isoDay(nowMs - days[h] * DAY_MS);
    project.history.push({ occurredAt, comment: `${pick(rng, REPORT_KINDS)} (synthetic), ${occurredAt}.`, sets });
  }

  return project;
}

/** True for a slug the generator made. */
export function isSyntheticSlug(slug: string): boolean {
  return slug.startsWith(SYNTHETIC_SLUG_PREFIX);
}
