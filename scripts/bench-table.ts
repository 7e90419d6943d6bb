/**
 * The projects table in a real browser, on a large portfolio (issue 5's targets):
 * - filter changes: the time from the select's change event to the new first
 *   page on screen, read from performance marks the page itself sets;
 * - CSV export of every project: wall time, bytes, and the server's memory
 *   (RSS of the server's process tree, sampled every 20 ms) during it.
 *
 *   npm run bench:table [-- --data-dir .data/bench-pglite-20000] [--changes 30] [--json out.json]
 *       starts the built app (start:prod) on that embedded database (or on DATABASE_URL when set), measures, stops it;
 *       seed it first with `npm run bench -- --sizes 20000 --db pglite` (or `npm run db:seed -- --synthetic 20000 --reset`)
 *   npm run bench:table -- --base http://localhost:3400 --pid <server pid>
 *       against a server you started.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { freePort, startServer, stopServer, waitUntilReady, type Server } from "./bench/processes";
import { formatMs, markdownTable, summarize, type Summary } from "./bench/stats";

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    pid: { type: "string" },
    "data-dir": { type: "string", default: ".data/bench-pglite-20000" },
    changes: { type: "string", default: "30" },
    json: { type: "string" },
  },
});
const changes = Number(values.changes);
if (!Number.isInteger(changes) || changes < 1) throw new Error("--changes must be a positive integer");
let server: Server | undefined;
let base = values.base?.replace(/\/$/, "") ?? "";
if (!values.base) {
  if (!process.env.DATABASE_URL && !fs.existsSync(values["data-dir"]))
    throw new Error(`no database at ${values["data-dir"]}: seed one first (see the top of this file)`);
  const port = await freePort();
  server = startServer(
    { ...process.env, PORT: String(port), LODESTONE_DATA_DIR: values["data-dir"], LODESTONE_PUBLIC_READ: "true", LOG_LEVEL: "warn", NODE_ENV: "production" },
    ".data/bench-table-server.log",
  );
  base = `http://127.0.0.1:${port}`;
  await waitUntilReady(server, `${base}/api/health`, performance.now());
  console.log(`▸ Serving ${process.env.DATABASE_URL ? "DATABASE_URL" : values["data-dir"]} on port ${port}`);
}
const pid = values.pid ? Number(values.pid) : server?.pid;

const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && fs.existsSync(p));

/** Filter changes to cycle through: each select and the values it takes in turn (the empty value clears it). */
const STEPS: { label: string; value: string }[] = [
  { label: "Region", value: "AFRICA" },
  { label: "Stage", value: "CONSTRUCTION" },
  { label: "Health", value: "AT_RISK" },
  { label: "Region", value: "CHINA" },
  { label: "Health", value: "" },
  { label: "Stage", value: "OPERATION" },
  { label: "Region", value: "LATIN_AMERICA" },
  { label: "Business line", value: "BASE_METALS" },
  { label: "Stage", value: "" },
  { label: "Business line", value: "" },
  { label: "Region", value: "" },
  { label: "Health", value: "OFF_TRACK" },
  { label: "Health", value: "" },
];

async function measureFilterChanges(page: Page): Promise<number[]> {
  await page.goto(`${base}/projects?view=none`);
  // Hydrated: the no-JavaScript "Apply filters" button is gone.
  await page.getByRole("button", { name: "Apply filters" }).waitFor({ state: "hidden" });
  // The page marks the change event itself (capture phase: before React handles it).
  await page.evaluate(() => document.addEventListener("change", () => performance.mark("filter-change"), { capture: true }));
  const samples: number[] = [];
  for (let i = 0; i < changes; i++) {
    const step = STEPS[i % STEPS.length];
    const before = page.url();
    await page.evaluate(() => {
      performance.clearMarks();
      performance.clearMeasures();
    });
    await page.getByLabel(step.label, { exact: true }).selectOption(step.value);
    // The navigation commits the new page and the URL together; "Updating…" shows until the transition ends.
    await page.waitForURL((u) => u.toString() !== before);
    await page.getByText("Updating…").waitFor({ state: "hidden" });
    const ms = await page.evaluate(() => {
      performance.mark("first-page-shown");
      return performance.measure("filter-to-first-page", "filter-change", "first-page-shown").duration;
    });
    samples.push(ms);
  }
  return samples;
}

function treeRssMb(root: number): number {
  // The server's process and its descendants (npm → tsx → next → next-server).
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // gone meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kb / 1024;
}

async function measureCsvExport(): Promise<{ seconds: number; bytes: number; rows: number; rssBeforeMb: number | null; rssPeakMb: number | null }> {
  const columns = "name,region,country,businessLine,stage,health,progress,nextMilestone,finish,company,commodities,updated";
  const rssBefore = pid ? treeRssMb(pid) : null;
  let peak = rssBefore ?? 0;
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 20) : undefined;
  const started = performance.now();
  const res = await fetch(`${base}/api/projects/export?format=csv&columns=${columns}`);
  if (!res.ok) throw new Error(`export answered ${res.status}`);
  let bytes = 0;
  let rows = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 0x0a) rows++;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  return { seconds, bytes, rows: rows - 1, rssBeforeMb: rssBefore, rssPeakMb: pid ? peak : null };
}

const browser = await chromium.launch({ ...(chromiumPath ? { executablePath: chromiumPath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
let filter: Summary;
try {
  const page = await browser.newPage();
  // Warm-up: the first navigations compile and cache.
  await page.goto(`${base}/projects?view=none`);
  filter = summarize(await measureFilterChanges(page));
} catch (err) {
  if (server) await stopServer(server);
  throw err;
} finally {
  await browser.close();
}
let csv: Awaited<ReturnType<typeof measureCsvExport>>;
try {
  await measureCsvExport(); // warm-up
  csv = await measureCsvExport();
} finally {
  if (server) await stopServer(server);
}

console.log(
  markdownTable(
    ["measure", "value"],
    [
      [
        `filter change → new first page (n=${filter.n})`,
        `median ${formatMs(filter.median)} ms, p95 ${formatMs(filter.p95)} ms, max ${formatMs(filter.max)} ms`,
      ],
      [`CSV export, ${csv.rows} projects (${(csv.bytes / 2 ** 20).toFixed(1)} MiB)`, `${csv.seconds.toFixed(2)} s`],
      [
        "server RSS during the export",
        csv.rssBeforeMb === null
          ? "(no --pid)"
          : `${csv.rssBeforeMb.toFixed(0)} → peak ${csv.rssPeakMb!.toFixed(0)} MB (+${(csv.rssPeakMb! - csv.rssBeforeMb).toFixed(0)} MB)`,
      ],
    ],
    ["left", "right"],
  ),
);
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({ base, filter, csv }, null, 2)}\n`);
