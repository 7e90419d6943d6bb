/**
 * Main-thread blocking in a real browser (issue 20: total blocking time under
 * 300 ms on every page at 20,000 projects). Debian's Chromium at 1440×900
 * loads each page N times, each time in a fresh context (nothing cached, as a
 * first visit), signed in as the bench's reader (the admin page as the bench's
 * admin), and prints per page the median total blocking time (long tasks after
 * the first contentful paint, minus 50 ms each, until the page has been quiet
 * for 2 s after its load event), the largest contentful paint and the longest task.
 *
 *   npm run bench:tbt [-- --data-dir .data/bench-20k] [--runs 5] [--pages dashboard,projects] [--json out.json]
 *       creates the bench users there, starts the built app (start:prod) on that folder, measures, stops it;
 *       seed it first: LODESTONE_DATA_DIR=.data/bench-20k npm run db:migrate &&
 *       LODESTONE_DATA_DIR=.data/bench-20k npm run db:seed -- --synthetic 20000 --reset
 *   npm run bench:tbt -- --url http://127.0.0.1:3207 [--url http://127.0.0.1:3208]
 *       against servers you started (the bench users must exist: tsx scripts/bench/bench-users.ts);
 *       with several URLs the runs alternate between them (before/after on a shared machine).
 *   --profile <dir>   also writes a CPU profile (.cpuprofile, open in Chrome's DevTools) of each page's first run.
 *   --after-write N   then N times: a status update of the project (as the admin, through the API), the
 *                     dashboard's HTML fetched whole as the reader (the first load after a write: its cards
 *                     recompute), and fetched again (the memoized load); 0 skips it. Works on PostgreSQL
 *                     too (DATABASE_URL, or --url of a server on it).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { PAGE_RECORDER, totalBlockingTime, type PageRecord } from "./bench/blocking";
import { freePort, sleep, startServer, stopServer, tsx, waitUntilReady, type Server } from "./bench/processes";
import { BENCH_USERS, signIn } from "./bench/session";
import { formatMs, markdownTable, percentile } from "./bench/stats";

const { values } = parseArgs({
  options: {
    url: { type: "string", multiple: true },
    "data-dir": { type: "string", default: ".data/bench-20k" },
    runs: { type: "string", default: "5" },
    pages: { type: "string" },
    project: { type: "string" },
    quiet: { type: "string", default: "2000" },
    profile: { type: "string" },
    "after-write": { type: "string", default: "10" },
    json: { type: "string" },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
const quietMs = Number(values.quiet);

const ALL_PAGES = ["dashboard", "projects", "project", "timeline", "risks", "reports", "admin"] as const;
type PageName = (typeof ALL_PAGES)[number];
const pages = (values.pages?.split(",") ?? [...ALL_PAGES]) as PageName[];
for (const p of pages) if (!ALL_PAGES.includes(p)) throw new Error(`--pages: one of ${ALL_PAGES.join(", ")}; got ${p}`);

let server: Server | undefined;
let bases = (values.url ?? []).map((u) => u.replace(/\/$/, ""));
if (!bases.length) {
  const dataDir = values["data-dir"];
  if (!process.env.DATABASE_URL && !fs.existsSync(dataDir)) throw new Error(`no database at ${dataDir}: seed one first (see the top of this file)`);
  const env = { ...process.env, LODESTONE_DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "production" as const };
  await tsx("scripts/bench/bench-users.ts", [], env);
  const port = await freePort();
  server = startServer({ ...env, PORT: String(port), LODESTONE_JOBS: "false" }, ".data/bench-tbt-server.log");
  bases = [`http://127.0.0.1:${port}`];
  await waitUntilReady(server, `${bases[0]}/api/health`, performance.now());
  console.log(`▸ Serving ${process.env.DATABASE_URL ? "DATABASE_URL" : dataDir} on port ${port}`);
}

const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && fs.existsSync(p));

interface Target {
  base: string;
  reader: string;
  admin: string;
  paths: Record<PageName, string>;
}

/** Signs both users in and finds a project to open (the first of the list). */
async function prepare(base: string): Promise<Target> {
  const [reader, admin] = await Promise.all([signIn(base, BENCH_USERS.reader), signIn(base, BENCH_USERS.admin)]);
  let slug = values.project;
  if (!slug) {
    const res = await fetch(`${base}/api/projects?pageSize=1`, { headers: { cookie: reader } });
    const list = (await res.json()) as { rows?: { slug: string }[] };
    slug = list.rows?.[0]?.slug;
    if (!slug) throw new Error(`${base}: no project to open (status ${res.status})`);
  }
  const paths: Record<PageName, string> = {
    dashboard: "/dashboard",
    projects: "/projects",
    project: `/projects/${encodeURIComponent(slug)}`,
    timeline: "/projects/timeline",
    risks: "/risks",
    reports: "/reports",
    admin: "/admin",
  };
  return { base, reader, admin, paths };
}

interface WriteSample {
  write: number;
  first: number;
  again: number;
}

/** A status update as the app's form sends it: the health alternates, so the figures and trend move too. */
async function afterWrites(target: Target, n: number): Promise<WriteSample[]> {
  const slug = target.paths.project.slice("/projects/".length);
  const api = `${target.base}/api/projects/${slug}`;
  const headers = { cookie: target.admin, origin: target.base, "content-type": "application/json" };
  const current = (await (await fetch(api, { headers })).json()) as { version: number; health: string };
  let version = current.version;
  let health = current.health === "AT_RISK" ? "ON_TRACK" : "AT_RISK";
  const timed = async (url: string, init: RequestInit) => {
    const started = performance.now();
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(300_000) });
    const body = await res.text();
    return { ms: performance.now() - started, status: res.status, body };
  };
  const out: WriteSample[] = [];
  for (let i = 0; i < n; i++) {
    const write = await timed(api, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ version, health, progressPercent: 10 + (i % 80), comment: "Benchmark update" }),
    });
    if (write.status !== 200) throw new Error(`status update answered ${write.status}: ${write.body.slice(0, 300)}`);
    version = (JSON.parse(write.body) as { version: number }).version;
    health = health === "AT_RISK" ? "ON_TRACK" : "AT_RISK";
    const first = await timed(`${target.base}/dashboard`, { headers: { cookie: target.reader } });
    const again = await timed(`${target.base}/dashboard`, { headers: { cookie: target.reader } });
    if (first.status !== 200 || again.status !== 200) throw new Error(`the dashboard answered ${first.status}/${again.status}`);
    out.push({ write: write.ms, first: first.ms, again: again.ms });
  }
  return out;
}

interface Sample {
  tbt: number;
  lcp: number | null;
  fcp: number | null;
  longest: number;
  longTasks: number;
}

async function loadOnce(browser: Browser, target: Target, page: PageName, profileTo?: string): Promise<Sample> {
  const cookie = page === "admin" ? target.admin : target.reader;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-GB" });
  try {
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: target.base };
      }),
    );
    await context.addInitScript(PAGE_RECORDER);
    const tab = await context.newPage();
    const cdp = profileTo ? await context.newCDPSession(tab) : undefined;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    const res = await tab.goto(target.base + target.paths[page], { waitUntil: "load", timeout: 300_000 });
    if (!res || res.status() !== 200) throw new Error(`${target.paths[page]} answered ${res?.status()} at ${target.base}`);
    // Quiet: no new long task for `quietMs` (hydration of streamed cards comes after the load event).
    let seen = -1;
    let quietSince = performance.now();
    for (;;) {
      const n = await tab.evaluate(() => (window as unknown as { __benchTbt: PageRecord }).__benchTbt.tasks.length);
      if (n !== seen) {
        seen = n;
        quietSince = performance.now();
      } else if (performance.now() - quietSince >= quietMs) break;
      await sleep(100);
    }
    const record = await tab.evaluate(() => (window as unknown as { __benchTbt: PageRecord }).__benchTbt);
    if (cdp && profileTo) {
      const { profile } = await cdp.send("Profiler.stop");
      fs.writeFileSync(profileTo, JSON.stringify(profile));
    }
    if (record.fcp === null) throw new Error(`${target.paths[page]}: no first contentful paint recorded`);
    return {
      tbt: totalBlockingTime(record.tasks, record.fcp),
      lcp: record.lcp,
      fcp: record.fcp,
      longest: Math.max(0, ...record.tasks.map((t) => t.duration)),
      longTasks: record.tasks.length,
    };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({ ...(chromiumPath ? { executablePath: chromiumPath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
const samples = new Map<string, Sample[]>(); // `${base} ${page}`
const writeSamples = new Map<string, WriteSample[]>();
const afterWriteRuns = Number(values["after-write"]);
try {
  const targets = await Promise.all(bases.map(prepare));
  if (values.profile) fs.mkdirSync(values.profile, { recursive: true });
  // Warm-up: the server's first render of each page compiles and fills its caches (the embedded database compiles its queries).
  for (const target of targets) for (const page of pages) await loadOnce(browser, target, page);
  // Writes next (so the page loads below do not depend on how many ran): alternating between the servers.
  for (let i = 0; i < afterWriteRuns; i++)
    for (const target of i % 2 ? [...targets].reverse() : targets)
      writeSamples.set(target.base, [...(writeSamples.get(target.base) ?? []), ...(await afterWrites(target, 1))]);
  for (let run = 0; run < runs; run++) {
    for (const page of pages) {
      // Alternate the order between runs, so neither server always goes first.
      const order = run % 2 ? [...targets].reverse() : targets;
      for (const target of order) {
        const profileTo = values.profile && run === 0 ? path.join(values.profile, `${page}-${new URL(target.base).port || "80"}.cpuprofile`) : undefined;
        const s = await loadOnce(browser, target, page, profileTo);
        const key = `${target.base} ${page}`;
        samples.set(key, [...(samples.get(key) ?? []), s]);
      }
    }
  }
} finally {
  await browser.close();
  if (server) await stopServer(server);
}

const median = (xs: number[]) => (xs.length ? percentile(xs, 50) : NaN);
const rows: (string | number)[][] = [];
const results: Record<string, unknown>[] = [];
for (const base of bases)
  for (const page of pages) {
    const s = samples.get(`${base} ${page}`) ?? [];
    const tbt = s.map((x) => x.tbt);
    const lcp = s.flatMap((x) => (x.lcp === null ? [] : [x.lcp]));
    const row = {
      base,
      page,
      n: s.length,
      tbtMedian: median(tbt),
      tbtMax: Math.max(...tbt),
      lcpMedian: median(lcp),
      longestMedian: median(s.map((x) => x.longest)),
      longTasksMedian: median(s.map((x) => x.longTasks)),
    };
    results.push({ ...row, samples: s });
    rows.push([
      ...(bases.length > 1 ? [base] : []),
      page,
      row.n,
      formatMs(row.tbtMedian),
      formatMs(row.tbtMax),
      formatMs(row.lcpMedian),
      formatMs(row.longestMedian),
      row.longTasksMedian,
    ]);
  }

console.log(`\nChromium 1440×900, fresh context per load, median of ${runs} after one warm-up load per page\n`);
console.log(
  markdownTable([...(bases.length > 1 ? ["server"] : []), "page", "n", "TBT ms", "TBT max ms", "LCP ms", "longest task ms", "long tasks"], rows, [
    ...(bases.length > 1 ? ["left" as const] : []),
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
    "right",
  ]),
);
if (afterWriteRuns > 0) {
  console.log(`\nThe dashboard after a status update (whole HTML as the reader, median of ${afterWriteRuns})\n`);
  console.log(
    markdownTable(
      ["server", "status update ms", "first dashboard load after it ms", "next load ms"],
      bases.map((base) => {
        const w = writeSamples.get(base) ?? [];
        return [base, formatMs(median(w.map((x) => x.write))), formatMs(median(w.map((x) => x.first))), formatMs(median(w.map((x) => x.again)))];
      }),
      ["left", "right", "right", "right"],
    ),
  );
}
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ runs, results, afterWrite: Object.fromEntries(writeSamples) }, null, 2)}\n`);
