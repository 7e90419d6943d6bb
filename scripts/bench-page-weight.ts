/**
 * What each page weighs (issue 20's byte budgets): HTML bytes before
 * compression, the share of them that is the RSC payload (the inline
 * `self.__next_f.push` scripts), and the first-load JavaScript the page's
 * <script src> tags pull, gzip-compressed, with the chunks that carry a
 * validation library (zod) named. Against a running app:
 *
 *   npm start   (or any build serving the seeded demo)
 *   npm run bench:weight -- [--url http://localhost:3000] [--as staff|admin|manager|anonymous]
 *
 * Bytes, not times: the numbers do not depend on how loaded the machine is.
 */
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { DEMO_LOGINS } from "../lib/auth/demo-users";
import { signIn } from "./bench/session";
import { markdownTable } from "./bench/stats";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    as: { type: "string", default: "staff" },
    project: { type: "string", default: "las-bambas-copper-mine" },
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
  ["reports", "/reports"],
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

const kb = (n: number) => (n / 1024).toFixed(1);
const rows: (string | number)[][] = [];
for (const [name, path] of PAGES) {
  let res = await fetch(base + path, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  // Follow a page's own redirect (/reports → the current period), not one to the sign-in page.
  const location = res.headers.get("location");
  if (res.status >= 300 && res.status < 400 && location && !location.startsWith("/sign-in")) {
    res = await fetch(new URL(location, base + path), { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  }
  const html = await res.text();
  if (res.status !== 200) {
    rows.push([name, path, res.status, "", "", "", ""]);
    continue;
  }
  const rsc = [...html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&")))];
  const chunks = await Promise.all(srcs.map(chunk));
  const js = chunks.reduce((n, c) => n + c.gzip, 0);
  const html_ = Buffer.byteLength(html);
  rows.push([name, path, 200, kb(html_), `${Math.round((rsc / html_) * 100)}%`, kb(js), chunks.some((c) => c.zod) ? "yes" : "no"]);
}

console.log(`Page weight at ${base} as ${who} (KB = 1024 bytes)\n`);
console.log(
  markdownTable(["page", "path", "status", "HTML KB", "RSC share", "first-load JS KB (gzip)", "zod loaded"], rows, [
    "left",
    "left",
    "right",
    "right",
    "right",
    "right",
    "left",
  ]),
);
