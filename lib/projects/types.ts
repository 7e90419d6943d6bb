import type { BusinessLine, DatePrecision, Health, MilestoneState, ProjectKind, Region, Stage } from "./enums";

/** A date as the source gives it: ISO day (the period's first day) plus how precise it is. */
export interface FuzzyDate {
  date: string; // YYYY-MM-DD
  precision: DatePrecision;
}

export interface ProjectRow {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  region: Region | null;
  countryCode: string | null;
  businessLine: BusinessLine;
  stage: Stage;
  health: Health;
  progressPercent: number | null;
  /** The next planned milestone; `overdue`: its due period ended before the portfolio's today (as the dashboard counts it). */
  nextMilestone: { title: string; titleZh: string | null; due: FuzzyDate; overdue: boolean } | null;
  updatedAt: string; // ISO timestamp
  forecastFinish: FuzzyDate | null;
  operatingCompany: string | null;
  /** the owning unit of the organization tree */
  organization: { code: string; nameEn: string; nameZh: string | null } | null;
  commodities: string[];
  /** the programme the project is a part of */
  programme: ProjectLink | null;
  /** budget, EAC and variance (issue 13); null without an approved budget or any cost */
  capex: ProjectCapexColumns | null;
  /** the reader is one of its managers (the table's "My projects" marker); absent where no reader is asked about */
  managedByMe?: boolean;
}

/**
 * A project's capex columns. Amounts in the project's currency (decimal
 * strings, two places), and in CNY and USD as converted on each line with its
 * rate set (named in `rateSets`). The variance is of the project-currency
 * amounts: conversion never changes which projects overrun.
 */
export interface ProjectCapexColumns {
  currency: string;
  budget: string | null;
  eac: string | null;
  variancePercent: string | null;
  converted: Record<"CNY" | "USD", { budget: string | null; eac: string | null }>;
  rateSets: string[];
}

/** A group of the list (rows grouped by region, business line, stage or health) and how many projects it holds. */
export interface GroupCount {
  /** the enum value; null for projects without one (region) */
  key: string | null;
  count: number;
}

export interface ListResult<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MilestoneView {
  id: string;
  title: string;
  titleZh: string | null;
  baseline: FuzzyDate | null;
  forecast: FuzzyDate | null;
  actual: FuzzyDate | null;
  state: MilestoneState;
  /** At least this many days late (negative: early) against baseline; null when not comparable. */
  slipDays: number | null;
  version: number;
}

export interface FieldChangeView {
  field: string;
  before: string | null;
  after: string | null;
}

export interface HistoryEntry {
  id: string;
  origin: "IMPORT" | "USER" | "SYSTEM";
  authorName: string;
  occurredAt: string;
  comment: string;
  milestoneTitle: string | null;
  milestoneTitleZh: string | null;
  sourceTitle: string | null;
  changes: FieldChangeView[];
  /** In a conflict's "changed meanwhile": written by the viewer themselves (another tab or window). */
  byViewer?: boolean;
}

export interface SourceQuoteView {
  id: string;
  text: string;
  supports: string[];
  milestoneTitle: string | null;
  source: { title: string; publisher: string; publishedOn: string; url: string | null };
}

/** The facts a basis may be recorded for, in the order the project page lists them. */
export const FACT_BASIS_ORDER = [
  "nameZh",
  "kind",
  "businessLine",
  "programme",
  "stage",
  "health",
  "commodities",
  "country",
  "subdivision",
  "operatingCompany",
  "actualFinish",
  "milestone",
] as const;
export type FactBasisFact = (typeof FACT_BASIS_ORDER)[number];

/** How one fact of the project is known (FactBasis). SOURCE facts are backed by the project's quotes. */
export interface FactBasisView {
  fact: string;
  kind: "SOURCE" | "PUBLIC_FACT" | "INFERENCE";
  /** the public fact, or the inference's reasoning; empty for SOURCE */
  note: string;
  milestoneTitle: string | null;
  milestoneTitleZh: string | null;
}

export interface ProjectLink {
  slug: string;
  nameEn: string;
  nameZh: string | null;
}

export interface ProjectDetail {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  summary: string;
  summaryZh: string | null;
  kind: ProjectKind;
  businessLine: BusinessLine;
  commodities: string[];
  region: Region | null;
  countryCode: string | null;
  subdivision: string | null;
  latitude: number | null;
  longitude: number | null;
  stage: Stage;
  health: Health;
  progressPercent: number | null;
  plannedStart: FuzzyDate | null;
  plannedFinish: FuzzyDate | null;
  forecastFinish: FuzzyDate | null;
  actualFinish: FuzzyDate | null;
  operatingCompany: string | null;
  /** the owning unit of the organization tree */
  orgUnit: OrgUnitRef;
  version: number;
  createdAt: string;
  updatedAt: string;
  milestones: MilestoneView[];
  history: HistoryEntry[];
  quotes: SourceQuoteView[];
  /** the programme this project is a part of */
  programme: ProjectLink | null;
  /** the parts of this programme */
  parts: (ProjectLink & { stage: Stage; health: Health })[];
  bases: FactBasisView[];
}

/** An organization unit as a project names it. */
export interface OrgUnitRef {
  code: string;
  nameEn: string;
  nameZh: string | null;
  path: string;
}

export interface FilterOptions {
  countries: { code: string; region: Region | null }[];
  commodities: string[];
  companies: string[];
  /** the organization units of the reader's scope, in tree order (lib/org/org-units.ts unitsInScope) */
  units: UnitOption[];
}

/** An organization unit as a filter offers it: depth 0 is the root. */
export interface UnitOption {
  code: string;
  depth: number;
  nameEn: string;
  nameZh: string | null;
}
