import { parseArgs } from "node:util";

/** Pure helpers of scripts/bench.ts: argument parsing, statistics, the results table. */

export const BENCH_SUITES = ["list", "dashboard"] as const;
export type BenchSuite = (typeof BENCH_SUITES)[number];

export interface BenchArgs {
  suite: BenchSuite;
  size: number;
  requests: number;
  port: number;
  keep: boolean;
  /** Seed again even when the marker says the data folder is ready. */
  reseed: boolean;
  /** Build even when the build looks current. */
  build: boolean;
}

export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchUsageError";
  }
}

export const BENCH_USAGE =
  "usage: npm run bench -- [list|dashboard] [--size 20000] [--requests 200] [--port 3100] [--keep] [--reseed] [--build]";

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new BenchUsageError(`--${name} takes a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        size: { type: "string", default: "20000" },
        requests: { type: "string", default: "200" },
        port: { type: "string", default: "3100" },
        keep: { type: "boolean", default: false },
        reseed: { type: "boolean", default: false },
        build: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    throw new BenchUsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new BenchUsageError(`one suite at a time, got ${positionals.join(", ")}`);
  const suite = positionals[0] ?? "list";
  if (!(BENCH_SUITES as readonly string[]).includes(suite))
    throw new BenchUsageError(`unknown suite ${JSON.stringify(suite)}; known: ${BENCH_SUITES.join(", ")}`);
  return {
    suite: suite as BenchSuite,
    size: wholeNumber("size", values.size, 1, 1_000_000),
    requests: wholeNumber("requests", values.requests, 1, 100_000),
    port: wholeNumber("port", values.port, 1024, 65_535),
    keep: values.keep,
    reseed: values.reseed,
    build: values.build,
  };
}

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

/**
 * The results file for a run: `<day>-<suite>.json`, or `<day>-<suite>-2.json`
 * and so on when that day already has runs (one file per run, never overwritten).
 */
export function resultFileName(day: string, suite: string, exists: (name: string) => boolean): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${day}-${suite}.json` : `${day}-${suite}-${i}.json`;
    if (!exists(name)) return name;
  }
}
