import type { BusinessLine, Health, Region, Stage } from "../projects/enums";
import type { FuzzyDate } from "../projects/types";

/** Plain data the dashboard's cards render; every count comes from the database. */

export interface PortfolioFigures {
  total: number;
  health: Record<Health, number>;
  stage: Record<Stage, number>;
  line: Record<BusinessLine, number>;
  region: Record<Region, number>;
  /** Projects without a country, hence without a region. */
  noRegion: number;
}

/** A project as the cards name it: `name` is English, `nameZh` Chinese (shown by the interface language, lib/i18n/bilingual.ts). */
export interface ProjectRef {
  slug: string;
  name: string;
  nameZh: string | null;
  health: Health;
}

export interface DashboardMilestone {
  id: string;
  title: string;
  titleZh: string | null;
  project: ProjectRef;
  /** The date it is due: the forecast, else the baseline. */
  due: FuzzyDate;
  baseline: FuzzyDate | null;
  forecast: FuzzyDate | null;
  /** Overdue list: whole days since the due period ended. */
  overdueDays?: number;
  /** Slips list: days late against baseline, counting only what is certain. */
  slipDays?: number;
}

export interface MilestoneList {
  rows: DashboardMilestone[];
  /** All matching milestones, of which `rows` are the first; null where the list does not count them (largest slips). */
  total: number | null;
}

export interface SiteProject {
  slug: string;
  name: string;
  nameZh: string | null;
  health: Health;
}

/** One marker: the projects of a country placed at its centroid, or projects with coordinates close together. */
export interface PortfolioSite {
  key: string;
  countryCode: string | null;
  /** The province (English, as stored) when the site is a Chinese province's projects without coordinates; else null. */
  subdivision: string | null;
  /** Mean of the projects' coordinates; null when placed at the country's centroid. */
  latitude: number | null;
  longitude: number | null;
  total: number;
  health: Record<Health, number>;
  /** The projects, when there are few enough to list (SITE_LIST_MAX); else empty. */
  projects: SiteProject[];
}

export interface PortfolioSites {
  sites: PortfolioSite[];
  /** Projects with neither a country nor coordinates. */
  unlocated: { total: number; projects: SiteProject[] };
}

export interface ChangeSummary {
  field: string;
  before: string | null;
  after: string | null;
}

export interface RecentUpdate {
  id: string;
  project: ProjectRef;
  authorName: string;
  origin: "IMPORT" | "USER" | "SYSTEM";
  occurredAt: string; // ISO timestamp
  comment: string;
  milestoneTitle: string | null;
  milestoneTitleZh: string | null;
  changes: ChangeSummary[];
}

export interface ChangesSince {
  since: string; // ISO timestamp
  /** History entries recorded since then, and the projects they touch. */
  updates: number;
  projects: number;
  /** The entries themselves (project, who, what changed), latest recorded first, at most SINCE_LIST_LIMIT. Counts stop a little above SINCE_COUNT_CAP. */
  entries: RecentUpdate[];
}

export interface TrendPoint {
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  /** The day the counts are as of: the month's last day, or today for the current month. */
  asOf: string;
  counts: Record<Health, number>;
}
