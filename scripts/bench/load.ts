import os from "node:os";
import autocannon, { type Request } from "autocannon";
import { summarize, type Summary } from "./stats";

/** One load measurement: latencies (ms) and throughput at a number of connections. */
export interface LoadResult {
  connections: number;
  seconds: number;
  /** Completed responses, any status. */
  responses: number;
  /** Completed responses per second. */
  rps: number;
  latency: Summary | undefined;
  /** Responses by HTTP status (e.g. {"200": 1234, "409": 3}); for the database ceiling, "ok" and "error". */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no response at all). */
  errors: number;
  /** os.loadavg() when the measurement started: how busy the machine was. */
  loadavg: number[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
export const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

/** HTTP load with autocannon: `connections` keep-alive connections, each sending its next request when the last answered. */
export async function httpLoad(opts: {
  url: string;
  connections: number;
  seconds: number;
  requests: Request[];
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const startLoad = loadavg();
  const latencies: number[] = [];
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 30,
    headers: opts.headers,
    requests: opts.requests,
  });
  // autocannon reports p50 and p97.5 but no p95: keep every response time and compute our own.
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = Number(count);
  return {
    connections: opts.connections,
    seconds: round1(result.duration),
    responses: latencies.length,
    rps: round1(latencies.length / result.duration),
    latency: latencies.length ? summarize(latencies) : undefined,
    statuses,
    errors: result.errors,
    loadavg: startLoad,
  };
}

/**
 * The same shape of measurement for work done in-process (the database ceiling):
 * `connections` workers each run `once` back to back for `seconds`.
 */
export async function closedLoop(opts: { connections: number; seconds: number; once: () => Promise<void> }): Promise<LoadResult> {
  const startLoad = loadavg();
  const latencies: number[] = [];
  let failures = 0;
  let firstError: unknown;
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        await opts.once();
        latencies.push(performance.now() - t);
      } catch (err) {
        failures++;
        firstError ??= err;
        if (failures > 20 && latencies.length === 0) throw err; // every call fails: a broken replay, not a measurement
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (firstError) console.error(`    ${failures} failed: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  return {
    connections: opts.connections,
    seconds: round1(seconds),
    responses: latencies.length,
    rps: round1(latencies.length / seconds),
    latency: latencies.length ? summarize(latencies) : undefined,
    statuses: { ok: latencies.length, ...(failures ? { error: failures } : {}) },
    errors: failures,
    loadavg: startLoad,
  };
}
