import { BUSINESS_LINES, HEALTHS, REGIONS, STAGES, type BusinessLine, type Health, type Region, type Stage } from "../projects/enums";
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
  /** Projects without a region: the table cannot filter on "no region", so this one has no link. */
  noRegion: number;
}

export function figureLinks(filters: DashboardFilters, figures: PortfolioFigures): FigureLinks {
  const shown = <K extends string>(all: readonly K[], chosen: readonly K[]) => (chosen.length ? all.filter((k) => chosen.includes(k)) : [...all]);
  return {
    total: { key: "total", count: figures.total, href: projectsHref(filters) },
    health: HEALTHS.map((h) => ({ key: h, count: figures.health[h], href: projectsHref(filters, { health: [h] }) })),
    stage: STAGES.map((s) => ({ key: s, count: figures.stage[s], href: projectsHref(filters, { stage: [s] }) })),
    line: shown(BUSINESS_LINES, filters.line).map((l) => ({ key: l, count: figures.line[l], href: projectsHref(filters, { line: [l] }) })),
    region: shown(REGIONS, filters.region).map((r) => ({ key: r, count: figures.region[r], href: projectsHref(filters, { region: [r] }) })),
    noRegion: filters.region.length ? 0 : figures.noRegion,
  };
}
