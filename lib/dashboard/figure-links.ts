import { BUSINESS_LINES, HEALTHS, REGIONS, STAGES, type BusinessLine, type Health, type Region, type Stage } from "../projects/enums";
import { NO_REGION } from "../projects/list-params";
import { projectsHref, type DashboardFilters } from "./filters";
import type { PortfolioFigures } from "./types";

/**
 * The figures the dashboard shows, each with the projects-table link that
 * lists exactly its projects. Under a region or line filter only the chosen
 * regions or lines are shown (the others are zero by definition). The cards
 * render these and the tests check every link's total against the table.
 */
export interface FigureLink<K extends string> {
  key: K;
  count: number;
  href: string;
}

export interface FigureLinks {
  total: FigureLink<"total">;
  health: FigureLink<Health>[];
  stage: FigureLink<Stage>[];
  line: FigureLink<BusinessLine>[];
  region: FigureLink<Region>[];
  /** Projects without a region, and the table listing them (region=NONE). */
  noRegion: FigureLink<"NONE">;
}

export function figureLinks(filters: DashboardFilters, figures: PortfolioFigures): FigureLinks {
  const shown = <K extends string>(all: readonly K[], chosen: readonly K[]) => (chosen.length ? all.filter((k) => chosen.includes(k)) : [...all]);
  return {
    total: { key: "total", count: figures.total, href: projectsHref(filters) },
    health: HEALTHS.map((h) => ({ key: h, count: figures.health[h], href: projectsHref(filters, { health: [h] }) })),
    stage: STAGES.map((s) => ({ key: s, count: figures.stage[s], href: projectsHref(filters, { stage: [s] }) })),
    line: shown(BUSINESS_LINES, filters.line).map((l) => ({ key: l, count: figures.line[l], href: projectsHref(filters, { line: [l] }) })),
    region: shown<Region>(
      REGIONS,
      filters.region.filter((r): r is Region => r !== NO_REGION),
    ).map((r) => ({ key: r, count: figures.region[r], href: projectsHref(filters, { region: [r] }) })),
    noRegion: {
      key: NO_REGION,
      count: filters.region.length && !filters.region.includes(NO_REGION) ? 0 : figures.noRegion,
      href: projectsHref(filters, { region: [NO_REGION] }),
    },
  };
}
