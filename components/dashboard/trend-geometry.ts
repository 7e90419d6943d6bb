/** Pure geometry of the trend chart (health-trend-chart.tsx), tested in trend-geometry.test.ts. */

/**
 * Whole-number axis ticks from 0 to a round top at or above `max`: about
 * four steps of 1, 2 or 5 × 10^k (the top never below 1, so an empty chart still has an axis).
 */
export function niceTicks(max: number, steps = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max / steps));
  // The round step whose number of intervals comes closest to `steps` (the finer on a tie).
  const intervals = (s: number) => Math.ceil(max / s);
  const step = [1, 2, 5, 10]
    .map((m) => Math.max(1, m * magnitude))
    .reduce((best, s) => (Math.abs(intervals(s) - steps) < Math.abs(intervals(best) - steps) ? s : best));
  const top = intervals(step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

/**
 * Which of `count` month labels to print: at most `most`, evenly spaced, and
 * always the latest month (the one a reader looks for). Chosen on the server,
 * so no label is measured in the browser; "Sep 2025" fits an eighth of the
 * narrowest card.
 */
export function shownLabels(count: number, most = 8): number[] {
  if (count <= 0) return [];
  const every = Math.ceil(count / most);
  const shown: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) shown.unshift(i);
  return shown;
}

/** An SVG path through the points that holds each value until the next point (a step after each). */
export function stepPath(points: [number, number][]): string {
  if (!points.length) return "";
  const r = (v: number) => Math.round(v * 100) / 100;
  let d = `M${r(points[0][0])} ${r(points[0][1])}`;
  for (let i = 1; i < points.length; i++) d += `H${r(points[i][0])}V${r(points[i][1])}`;
  return d;
}
