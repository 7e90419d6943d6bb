/** Plain data for the KPI tiles and the ramp-up chart (numbers as decimal strings). */
export interface KpiTileView {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  category: "PRODUCTION" | "SAFETY" | "ESG";
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  /** RATIO KPIs: the rolling 12 months to the latest month, computed from summed counts */
  rolling12: boolean;
  latestPeriod: string;
  latest: string | null;
  previous: string | null;
  /** oldest first, up to 12 months */
  trend: { period: string; value: string | null }[];
  target: string | null;
  targetSeries: string | null;
  percentOfDesign: string | null;
}

export interface RampUpView {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  designCapacity: string | null;
  series: string[];
  months: { period: string; actual: string | null; targets: Record<string, string | null> }[];
}

export interface ProjectKpisView {
  tiles: KpiTileView[];
  rampUp: RampUpView | null;
}
