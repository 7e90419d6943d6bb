/** Pure helpers of the benchmark suite: statistics, ratios, trends, the results table. */

/**
 * The p-th percentile (0–100) of the samples, interpolating linearly between
 * the two nearest ranks (the usual "type 7" definition: median of [1, 2, 3, 4] is 2.5).
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError("percentile of no samples");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Median, p95, min and max of durations in ms, rounded to 0.01 ms. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError("summary of no samples");
  return {
    n: samples.length,
    median: round2(percentile(samples, 50)),
    p95: round2(percentile(samples, 95)),
    min: round2(Math.min(...samples)),
    max: round2(Math.max(...samples)),
  };
}

export type Align = "left" | "right";

/** A GitHub-flavoured markdown table, padded so it also reads as plain text. */
export function markdownTable(headers: string[], rows: (string | number)[][], align: Align[] = []): string {
  const cells = rows.map((row) => headers.map((_, i) => String(row[i] ?? "").replaceAll("|", "\\|")));
  const widths = headers.map((h, i) => Math.max(3, h.length, ...cells.map((row) => row[i].length)));
  const pad = (text: string, i: number) => (align[i] === "right" ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const line = (row: string[]) => `| ${row.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (align[i] === "right" ? `${"-".repeat(w + 1)}:` : "-".repeat(w + 2))).join("|")}|`;
  return [line(headers), rule, ...cells.map(line)].join("\n");
}

/** "1.5" for 1.5 ms, fixed to what the eye needs: 0.01 ms below 10 ms, 0.1 ms below 100 ms, whole ms above. */
export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return ms.toFixed(0);
}

/** The local calendar day, YYYY-MM-DD (results are filed by the day the run happened where it ran). */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A results file's stem: local day and time, `2026-11-25-2154`, so runs never overwrite each other. */
export function resultStem(d: Date, exists: (stem: string) => boolean = () => false): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const base = `${localDay(d)}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  for (let i = 1; ; i++) {
    const stem = i === 1 ? base : `${base}-${i}`;
    if (!exists(stem)) return stem;
  }
}

/**
 * app ÷ ceiling, rounded to 0.01; undefined when either side is missing or the
 * ceiling is zero. For throughput (req/s) it is the share of the ceiling the app
 * reaches (1 = as fast as the ceiling); for latency, how many times slower it is.
 */
export function ratio(app: number | undefined, ceiling: number | undefined): number | undefined {
  if (app === undefined || ceiling === undefined || !Number.isFinite(app) || !Number.isFinite(ceiling) || ceiling === 0) return undefined;
  return Math.round((app / ceiling) * 100) / 100;
}

/** Least-squares slope of y over x (per unit of x); undefined for fewer than 2 distinct x. */
export function slope(points: readonly { x: number; y: number }[]): number | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? undefined : sxy / sxx;
}

export interface GrowthVerdict {
  /** MB per minute over the judged window; undefined without enough samples. */
  slopeMbPerMin: number | undefined;
  windowMinutes: number;
  samples: number;
  growing: boolean | undefined;
}

/**
 * Whether memory keeps growing: the least-squares slope of RSS (MB) over time
 * (minutes) in the last `window` share of the run (the first third is warm-up:
 * caches and the JIT fill), against a threshold in MB/min.
 */
export function memoryGrowth(samples: readonly { minute: number; rssMb: number }[], thresholdMbPerMin: number, window = 2 / 3): GrowthVerdict {
  if (!samples.length) return { slopeMbPerMin: undefined, windowMinutes: 0, samples: 0, growing: undefined };
  const end = Math.max(...samples.map((s) => s.minute));
  const from = end * (1 - window);
  const judged = samples.filter((s) => s.minute >= from).map((s) => ({ x: s.minute, y: s.rssMb }));
  const m = slope(judged);
  return {
    slopeMbPerMin: m === undefined ? undefined : Math.round(m * 100) / 100,
    windowMinutes: Math.round((end - from) * 10) / 10,
    samples: judged.length,
    growing: m === undefined ? undefined : m > thresholdMbPerMin,
  };
}

/** "1,234" for req/s: whole numbers above 100, one decimal below. */
export function formatRate(perSecond: number | undefined): string {
  if (perSecond === undefined || !Number.isFinite(perSecond)) return "–";
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString("en-US") : perSecond.toFixed(1);
}

/** A ratio as a table cell: "0.42", or "–" when there is none. */
export function formatRatio(r: number | undefined): string {
  return r === undefined ? "–" : r.toFixed(2);
}
