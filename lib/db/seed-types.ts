import type { BusinessLine, Health, MilestoneState, ProjectKind, Stage } from "../projects/enums";
import type { FuzzyDate } from "../projects/types";

/**
 * The shape of seed data: real portfolios (prisma/seed/*.ts) and the synthetic
 * generator both produce it, and one loader (lib/db/seed.ts) writes it, so the
 * tests' factories and the seed share one path into the database.
 */
export interface SeedSource {
  key: string;
  title: string;
  publisher: string;
  publishedOn: string; // YYYY-MM-DD
  url?: string;
  /** File under prisma/seed/sources/ holding the document's text; every quote must appear in it verbatim. */
  textFile?: string;
}

export interface SeedQuote {
  /** Verbatim sentence(s) from the source. */
  text: string;
  /** Which facts it backs: "stage", "health", "country", "milestone", "operatingCompany", … */
  supports: string[];
  /** Key of the milestone it backs, if any. */
  milestoneKey?: string;
}

/**
 * The facts of a project that carry a basis (FactBasis rows): "milestone" with
 * a milestoneKey, the others once per project. "recognition" may appear in a
 * quote's supports too: it backs the summary, not a field.
 */
export const BASIS_FACTS = [
  "stage",
  "health",
  "kind",
  "businessLine",
  "commodities",
  "country",
  "subdivision",
  "operatingCompany",
  "actualFinish",
  "nameZh",
  "programme",
  "milestone",
] as const;
export type BasisFact = (typeof BASIS_FACTS)[number];

/**
 * The basis of a fact no quote states: a named public fact (the fact as
 * stated) or an inference (its reasoning). A fact a quote states is backed by
 * the quotes whose supports name it, and has no SeedBasis.
 */
export interface SeedBasis {
  fact: BasisFact;
  milestoneKey?: string;
  kind: "PUBLIC_FACT" | "INFERENCE";
  note: string;
}

export interface SeedMilestone {
  key: string;
  title: string;
  titleZh?: string;
  baseline?: FuzzyDate;
  forecast?: FuzzyDate;
  actual?: FuzzyDate;
  state: MilestoneState;
}

export interface SeedProject {
  slug: string;
  nameEn: string;
  /** Only a well-established public Chinese name; leave out rather than guess. */
  nameZh?: string;
  summary: string;
  /** Chinese summary: only a translation someone checked; leave out rather than machine-translate. */
  summaryZh?: string;
  kind: ProjectKind;
  businessLine: BusinessLine;
  commodities: string[];
  /** ISO 3166-1 alpha-2; region is derived from it. */
  countryCode?: string;
  subdivision?: string;
  latitude?: number;
  longitude?: number;
  stage: Stage;
  health: Health;
  progressPercent?: number;
  plannedStart?: FuzzyDate;
  plannedFinish?: FuzzyDate;
  forecastFinish?: FuzzyDate;
  actualFinish?: FuzzyDate;
  operatingCompany?: string;
  /** code of the owning organization unit (lib/org); missing: the group (the root) */
  orgUnit?: string;
  milestones: SeedMilestone[];
  quotes: SeedQuote[];
  /** Slug of the programme (a PROGRAMME project of the same portfolio) this project is a part of. */
  programme?: string;
  /** The basis of each fact no quote states (public facts, inferences). */
  bases?: SeedBasis[];
  /** History written by the import. Each entry's changes are derived from the project's facts. */
  history: {
    occurredAt: string; // ISO date the source reports the facts
    comment: string;
    /** facts set by this entry, e.g. ["stage", "health", "milestone:takeover"] */
    sets: string[];
  }[];
}

export interface SeedPortfolio {
  source: SeedSource;
  /** Who the import's history entries name as author. */
  importedBy: string;
  projects: SeedProject[];
}

/** A unit of the organization tree, as seeds give it (parents before children). */
export interface SeedOrgUnit {
  /** fixed for the units the tree's migration creates; others get one at load */
  id?: string;
  code: string;
  /** null: the root (the group) */
  parentCode: string | null;
  nameEn: string;
  nameZh?: string;
  /** ISO 4217 */
  currency: string;
  /** why this unit is in the seed */
  basis?: string;
}
