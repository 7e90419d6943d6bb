/**
 * What each page weighs (issue 20's byte budgets): HTML bytes before
 * compression, the share of them that is the RSC payload (the inline
 * `self.__next_f.push` scripts), and the first-load JavaScript the page's
 * <script src> tags (less the noModule polyfills a current browser skips) and
 * script preloads (chunks of next/dynamic code rendered on the server) pull, gzip-compressed, with the chunks that carry a
 * validation library (zod) named. Against a running app:
 *
 *   npm start   (or any build serving the seeded demo)
 *   npm run bench:weight -- [--url http://localhost:3000] [--as staff|admin|manager|anonymous] [--cpu]
 *
 * Bytes, not times: the numbers do not depend on how loaded the machine is.
 * With --cpu it also prints each page's median server CPU per request
 * (scripts/bench/server-cpu.ts: the listening process's user + system time
 * over --batches batches of --per-batch sequential requests, after a warm-up;
 * --pid names the server process when it does not listen on this machine's
 * port table). CPU depends on the machine: say how loaded it was.
 */
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { DEMO_LOGINS } from "../lib/auth/demo-users";
import { signIn } from "./bench/session";
import { cpuPerRequest, listeningPid } from "./bench/server-cpu";
import { formatMs, markdownTable, percentile } from "./bench/stats";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    as: { type: "string", default: "staff" },
    project: { type: "string", default: "las-bambas-copper-mine" },
    cpu: { type: "boolean", default: false },
    pid: { type: "string" },
    batches: { type: "string", default: "9" },
    "per-batch": { type: "string", default: "10" },
  },
});
const base = values.url.replace(/\/$/, "");
const who = values.as;
if (who !== "anonymous" && !(who in DEMO_LOGINS)) throw new Error(`--as: one of anonymous, ${Object.keys(DEMO_LOGINS).join(", ")}`);
const cookie = who === "anonymous" ? "" : await signIn(base, DEMO_LOGINS[who as keyof typeof DEMO_LOGINS]);

const PAGES: [string, string][] = [
  ["dashboard", "/dashboard"],
  ["projects", "/projects"],
  ["project", `/projects/${values.project}`],
  ["timeline", "/projects/timeline"],
  ["risks", "/risks"],
  ["pack", "/reports"],
  ["admin", "/admin"],
];

// A chunk carries zod when it holds zod's own error class and issue codes.
const ZOD_MARKERS = [/\$ZodError/, /invalid_type/];
const chunkCache = new Map<string, { gzip: number; zod: boolean }>();

async function chunk(src: string): Promise<{ gzip: number; zod: boolean }> {
  const known = chunkCache.get(src);
  if (known) return known;
  const res = await fetch(new URL(src, base), { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`${src} answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const text = body.toString("utf8");
  const found = { gzip: gzipSync(body, { level: 9 }).length, zod: ZOD_MARKERS.every((m) => m.test(text)) };
  chunkCache.set(src, found);
  return found;
}

const serverPid = values.cpu ? (values.pid ? Number(values.pid) : listeningPid(Number(new URL(base).port || 80))) : undefined;
if (values.cpu && !serverPid) throw new Error(`--cpu: no process listens on ${base}'s port here; name it with --pid`);

async function get(path: string): Promise<{ status: number; html: string; url: string }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  let url = base + path;
  let res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  // Follow a page's own redirect (/reports → the current period), not one to the sign-in page.
  const location = res.headers.get("location");
  if (res.status >= 300 && res.status < 400 && location && !location.startsWith("/sign-in")) {
    url = new URL(location, url).href;
    res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  }
  return { status: res.status, html: await res.text(), url };
}

const kb = (n: number) => (n / 1024).toFixed(1);
const rows: (string | number)[][] = [];
for (const [name, path] of PAGES) {
  const { status, html, url } = await get(path);
  if (status !== 200) {
    rows.push([name, path, status, "", "", "", "", ""]);
    continue;
  }
  const rsc = [...html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
  // What a browser that runs modules fetches at load: <script src> (not the noModule polyfills, which
  // such a browser skips) and the chunks preloaded for client code rendered on the server (next/dynamic).
  const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\snoModule/i.test(tag))
    .flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []);
  const preloads = [...html.matchAll(/<link(?=[^>]*rel="preload")(?=[^>]*as="script")[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  const srcs = [...new Set([...scriptTags, ...preloads].map((src) => src.replaceAll("&amp;", "&")))];
  const chunks = await Promise.all(srcs.map(chunk));
  const js = chunks.reduce((n, c) => n + c.gzip, 0);
  const html_ = Buffer.byteLength(html);
  let cpu = "";
  if (serverPid) {
    // The redirect's target itself, so each request is one page render.
    const target = url.slice(base.length);
    const samples = await cpuPerRequest(
      serverPid,
      async () => {
        const r = await get(target);
        if (r.status !== 200) throw new Error(`${target} answered ${r.status} while timing`);
      },
      { warmup: 5, batches: Number(values.batches), perBatch: Number(values["per-batch"]) },
    );
    cpu = formatMs(percentile(samples, 50));
  }
  rows.push([name, path, 200, kb(html_), `${Math.round((rsc / html_) * 100)}%`, kb(js), chunks.some((c) => c.zod) ? "yes" : "no", cpu]);
}

console.log(`Page weight at ${base} as ${who} (KB = 1024 bytes)\n`);
console.log(
  markdownTable(["page", "path", "status", "HTML KB", "RSC share", "first-load JS KB (gzip)", "zod loaded", "server CPU ms (median)"], rows, [
    "left",
    "left",
    "right",
    "right",
    "right",
    "right",
    "left",
    "right",
  ]),
);
