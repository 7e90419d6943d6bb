import { periodOf } from "../dates/fuzzy-date";
import type { TimelineProject } from "./timeline-types";
import type { FuzzyDate } from "./types";

/**
 * The timeline's horizontal scale: a range of whole quarters or years around
 * every date shown (and today), positions in percent of it, and the ticks.
 * Pure, so the geometry is tested without a browser.
 */
export const ZOOMS = ["quarter", "year"] as const;
export type Zoom = (typeof ZOOMS)[number];

/** Width of one tick, px: a quarter or a year, so zooming out shows four times the span. */
export const TICK_WIDTH = 120;

const DAY_MS = 86_400_000;

export interface Tick {
  /** First day, YYYY-MM-DD. */
  start: string;
  kind: Zoom;
  year: number;
  /** 1-4 for quarter ticks. */
  quarter?: number;
  left: number;
  width: number;
}

export interface TimelineScale {
  start: Date;
  end: Date;
  /** Total width in px. */
  width: number;
  ticks: Tick[];
  /** Position of a day in percent of the width. */
  at(day: Date): number;
  /** Left and width in percent for a span from the start of one period to the end of another. */
  span(from: FuzzyDate, to: FuzzyDate): { left: number; width: number };
  /** A fuzzy date's whole period. */
  period(f: FuzzyDate): { left: number; width: number };
}

function datesOf(p: TimelineProject): FuzzyDate[] {
  const out = [p.start, p.baselineFinish, p.forecastFinish, p.actualFinish];
  for (const m of p.milestones) out.push(m.baseline, m.forecast, m.actual);
  return out.filter((d): d is FuzzyDate => d !== null);
}

function floorTo(d: Date, zoom: Zoom): Date {
  const month = zoom === "year" ? 0 : Math.floor(d.getUTCMonth() / 3) * 3;
  return new Date(Date.UTC(d.getUTCFullYear(), month, 1));
}

function nextTick(d: Date, zoom: Zoom): Date {
  return zoom === "year" ? new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1)) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1));
}

export function timelineScale(projects: TimelineProject[], zoom: Zoom, today: Date): TimelineScale {
  const days = projects.flatMap(datesOf).flatMap((f) => {
    const p = periodOf(f);
    return [p.start, p.end];
  });
  days.push(today);
  const min = new Date(Math.min(...days.map((d) => d.getTime())));
  const max = new Date(Math.max(...days.map((d) => d.getTime())));
  const start = floorTo(min, zoom);
  // The range ends after the last day's period (exclusive end), at least one tick wide.
  let end = nextTick(floorTo(max, zoom), zoom);
  const ticks: Tick[] = [];
  for (let t = start; t < end; t = nextTick(t, zoom)) {
    ticks.push({
      start: t.toISOString().slice(0, 10),
      kind: zoom,
      year: t.getUTCFullYear(),
      quarter: zoom === "quarter" ? Math.floor(t.getUTCMonth() / 3) + 1 : undefined,
      left: 0,
      width: 0,
    });
  }
  if (!ticks.length) end = nextTick(start, zoom);
  const total = end.getTime() - start.getTime();
  const at = (day: Date) => ((day.getTime() - start.getTime()) / total) * 100;
  const endOf = (f: FuzzyDate) => new Date(periodOf(f).end.getTime() + DAY_MS); // exclusive
  for (const tick of ticks) {
    const s = new Date(`${tick.start}T00:00:00Z`);
    tick.left = at(s);
    tick.width = at(nextTick(s, zoom)) - tick.left;
  }
  return {
    start,
    end,
    width: ticks.length * TICK_WIDTH,
    ticks,
    at,
    span(from, to) {
      const left = at(periodOf(from).start);
      return { left, width: Math.max(0, at(endOf(to)) - left) };
    },
    period(f) {
      return this.span(f, f);
    },
  };
}
