import path from "node:path";
import type { SoakArgs } from "./args";
import { applyUpdateAnswer, FILTER, nextUpdate, type UpdatePool } from "./cases";
import { prepareDatabase } from "./data";
import { loadavg } from "./load";
import { freePort, root, sampleRss, sleep, startServer, stopServer, waitUntilReady, assertPortFree } from "./processes";
import { BENCH_USERS, signIn } from "./session";
import { formatMs, markdownTable, memoryGrowth, summarize, type Summary } from "./stats";

/**
 * The soak: a steady mixed load (reads, status updates, CSV exports) at a fixed
 * rate for N minutes, reporting per minute the error rate, latency and the
 * app's memory, and whether memory keeps growing.
 */
export const SOAK_MIX = [
  { kind: "list-api", weight: 25 },
  { kind: "list-page", weight: 10 },
  { kind: "dashboard", weight: 10 },
  { kind: "project-page", weight: 20 },
  { kind: "project-api", weight: 10 },
  { kind: "status-update", weight: 15 },
  { kind: "export-csv", weight: 5 },
] as const;
type Kind = (typeof SOAK_MIX)[number]["kind"];

/** Picks a kind by weight for u in [0, 1). */
export function pickKind(u: number): Kind {
  const total = SOAK_MIX.reduce((s, m) => s + m.weight, 0);
  let r = u * total;
  for (const m of SOAK_MIX) if ((r -= m.weight) < 0) return m.kind;
  return SOAK_MIX[SOAK_MIX.length - 1].kind;
}

interface Sample {
  minute: number;
  kind: Kind;
  status: number; // 0: no response
  ms: number;
}

export interface MinuteRow {
  minute: number;
  requests: number;
  errors: number;
  conflicts: number;
  latency?: Summary;
  rssMb?: number;
  rssMaxMb?: number;
}

/** Errors are failed requests (no answer, 5xx, any 4xx but a 409 conflict on an edit). */
const isError = (s: Sample) => s.status === 0 || s.status >= 500 || (s.status >= 400 && s.status !== 409);

export function perMinute(samples: Sample[], rss: { minute: number; rssMb: number }[]): MinuteRow[] {
  const minutes = Math.max(0, ...samples.map((s) => s.minute), ...rss.map((r) => Math.floor(r.minute)));
  const rows: MinuteRow[] = [];
  for (let m = 0; m <= minutes; m++) {
    const here = samples.filter((s) => s.minute === m);
    const mem = rss.filter((r) => Math.floor(r.minute) === m).map((r) => r.rssMb);
    rows.push({
      minute: m + 1,
      requests: here.length,
      errors: here.filter(isError).length,
      conflicts: here.filter((s) => s.status === 409).length,
      latency: here.length ? summarize(here.map((s) => s.ms)) : undefined,
      rssMb: mem.length ? Math.round(mem.reduce((a, b) => a + b, 0) / mem.length) : undefined,
      rssMaxMb: mem.length ? Math.round(Math.max(...mem)) : undefined,
    });
  }
  return rows;
}

export async function runSoak(args: SoakArgs, command: string, info: { commit: string; machine: object }) {
  const started = new Date();
  const loadStart = loadavg();
  const database = await prepareDatabase({ kind: args.database, size: args.size, postgresUrl: args.postgresUrl, reseed: args.reseed });
  const port = args.port ? await assertPortFree(args.port) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...database.env, PORT: String(port), HOSTNAME: "127.0.0.1", BETTER_AUTH_URL: base, NODE_ENV: "production" };
  const spawned = performance.now();
  const server = startServer(env, path.join(root, ".data", `bench-soak-${args.database}-${args.size}-server.log`));
  const samples: Sample[] = [];
  const rss: { minute: number; rssMb: number }[] = [];
  let dropped = 0;
  try {
    await waitUntilReady(server, `${base}/api/ready`, spawned);
    const reader = await signIn(base, BENCH_USERS.reader);
    const admin = await signIn(base, BENCH_USERS.admin);
    const get = async (p: string) => {
      const res = await fetch(base + p, { headers: { cookie: reader }, signal: AbortSignal.timeout(30_000) });
      return { status: res.status, text: await res.text() };
    };
    // The pool: 300 projects by name, descending; their current versions come with their JSON.
    const slugs: string[] = [];
    for (let page = 1; page <= 3; page++)
      slugs.push(
        ...(JSON.parse((await get(`/api/projects?sort=name&dir=desc&pageSize=100&page=${page}`)).text) as { rows: { slug: string }[] }).rows.map((r) => r.slug),
      );
    const pool: UpdatePool = { projects: [], next: 0 };
    for (const slug of slugs) {
      const p = JSON.parse((await get(`/api/projects/${encodeURIComponent(slug)}`)).text) as { version: number; progressPercent: number | null };
      pool.projects.push({ slug, version: p.version, progressPercent: p.progressPercent });
    }
    let readCursor = 0;
    const nextSlug = () => encodeURIComponent(slugs[readCursor++ % slugs.length]);

    const send = async (kind: Kind): Promise<number> => {
      if (kind === "status-update") {
        const { project, path: p, body } = nextUpdate(pool);
        const res = await fetch(base + p, {
          method: "PATCH",
          headers: { cookie: admin, origin: base, "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        applyUpdateAnswer(project, res.status, await res.text());
        return res.status;
      }
      const paths: Record<Exclude<Kind, "status-update">, () => string> = {
        "list-api": () => (Math.random() < 0.5 ? "/api/projects" : `/api/projects?${FILTER}&page=${1 + Math.floor(Math.random() * 3)}`),
        "list-page": () => `/projects?${FILTER}`,
        dashboard: () => (Math.random() < 0.7 ? "/dashboard" : "/dashboard?region=AFRICA&line=BASE_METALS"),
        "project-page": () => `/projects/${nextSlug()}`,
        "project-api": () => `/api/projects/${nextSlug()}`,
        "export-csv": () => "/api/projects/export?format=csv&region=AFRICA",
      };
      return (await get(paths[kind]())).status;
    };

    // Warm up for 20 s at the same rate; the run's clock starts after it.
    const maxInFlight = 64;
    let inFlight = 0;
    const drive = async (seconds: number, record: boolean, t0: number) => {
      const interval = 1000 / args.rate;
      const end = performance.now() + seconds * 1000;
      let due = performance.now();
      const pending: Promise<void>[] = [];
      while (performance.now() < end) {
        due += interval;
        if (inFlight >= maxInFlight) dropped += record ? 1 : 0;
        else {
          const kind = pickKind(Math.random());
          const t = performance.now();
          inFlight++;
          pending.push(
            send(kind)
              .catch(() => 0)
              .then((status) => {
                inFlight--;
                if (record) samples.push({ minute: Math.floor((t - t0) / 60_000), kind, status, ms: performance.now() - t });
              }),
          );
        }
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
      await Promise.all(pending);
    };
    console.log(`▸ Soak: ${args.rate} req/s of mixed load for ${args.minutes} min on ${args.database} (${args.size} projects), after 20 s of warm-up …`);
    await drive(20, false, performance.now());
    const t0 = performance.now();
    const timer = setInterval(() => {
      const minute = (performance.now() - t0) / 60_000;
      rss.push({ minute, rssMb: sampleRss(server.pid).appMb });
    }, 5000);
    const progress = setInterval(() => {
      const m = Math.floor((performance.now() - t0) / 60_000) - 1;
      const row = perMinute(
        samples.filter((s) => s.minute === m),
        rss.filter((r) => Math.floor(r.minute) === m),
      ).at(-1);
      if (row && m >= 0)
        console.log(
          `  minute ${m + 1}: ${row.requests} requests, ${row.errors} errors, ${row.conflicts} conflicts, median ${row.latency?.median ?? "–"} ms, p95 ${row.latency?.p95 ?? "–"} ms, RSS ${row.rssMb} MB`,
        );
    }, 60_000);
    await drive(args.minutes * 60, true, t0);
    clearInterval(timer);
    clearInterval(progress);
  } finally {
    await stopServer(server);
  }

  const minutes = perMinute(samples, rss);
  const errors = samples.filter(isError).length;
  const conflicts = samples.filter((s) => s.status === 409).length;
  const verdict = memoryGrowth(rss, args.maxGrowth);
  const byKind = SOAK_MIX.map(({ kind }) => {
    const here = samples.filter((s) => s.kind === kind);
    return {
      kind,
      requests: here.length,
      errors: here.filter(isError).length,
      conflicts: here.filter((s) => s.status === 409).length,
      latency: here.length ? summarize(here.map((s) => s.ms)) : undefined,
    };
  });
  const overall = samples.length ? summarize(samples.map((s) => s.ms)) : undefined;
  const statusCounts: Record<string, number> = {};
  for (const s of samples) statusCounts[s.status] = (statusCounts[s.status] ?? 0) + 1;
  const loadEnd = loadavg();
  const ms = (x: number | undefined) => (x === undefined ? "–" : formatMs(x));
  const json = {
    meta: {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      command,
      commit: info.commit,
      loadavgStart: loadStart,
      loadavgEnd: loadEnd,
    },
    machine: info.machine,
    config: args,
    totals: {
      requests: samples.length,
      errors,
      errorRate: samples.length ? errors / samples.length : 0,
      conflicts,
      droppedAtMaxInFlight: dropped,
      statusCounts,
      latency: overall,
    },
    memory: { samples: rss, verdict, thresholdMbPerMin: args.maxGrowth },
    byKind,
    minutes,
  };
  const growth =
    verdict.growing === undefined
      ? "no verdict (too few samples)"
      : `${verdict.slopeMbPerMin} MB/min over the last ${verdict.windowMinutes} min (${verdict.samples} samples): ${verdict.growing ? "**keeps growing** (above" : "no sustained growth (at most"} ${args.maxGrowth} MB/min)`;
  const markdown = [
    `# Soak ${started.toISOString()}`,
    "",
    `\`${command}\` at commit \`${info.commit}\`: ${args.rate} req/s of mixed load for ${args.minutes} min on ${args.database}, ${args.size.toLocaleString("en-US")} projects. Load average ${loadStart.join(" / ")} at the start, ${loadEnd.join(" / ")} at the end.`,
    "",
    `Requests ${samples.length}, errors ${errors} (${samples.length ? ((errors / samples.length) * 100).toFixed(2) : "0"} %), edit conflicts (409) ${conflicts}, not sent because ${64} were in flight ${dropped}; median ${ms(overall?.median)} ms, p95 ${ms(overall?.p95)} ms.`,
    `Memory (VmRSS of next): ${growth}.`,
    "",
    markdownTable(
      ["request", "n", "errors", "409", "median ms", "p95 ms", "max ms"],
      byKind.map((k) => [k.kind, k.requests, k.errors, k.conflicts, ms(k.latency?.median), ms(k.latency?.p95), ms(k.latency?.max)]),
      ["left", "right", "right", "right", "right", "right", "right"],
    ),
    "",
    markdownTable(
      ["minute", "requests", "errors", "409", "median ms", "p95 ms", "RSS MB", "RSS max MB"],
      minutes.map((m) => [m.minute, m.requests, m.errors, m.conflicts, ms(m.latency?.median), ms(m.latency?.p95), m.rssMb ?? "–", m.rssMaxMb ?? "–"]),
      ["right", "right", "right", "right", "right", "right", "right", "right"],
    ),
    "",
  ].join("\n");
  return { json, markdown, started };
}
