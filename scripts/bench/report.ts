import type { LoadResult } from "./load";
import type { PeerResult } from "./peer";
import { formatMs, formatRate, formatRatio, markdownTable, ratio } from "./stats";
import type { SuiteResult } from "./suite";

/** The results as markdown: what ran where, the latency/throughput table with ratios, memory. */

export interface RunMeta {
  startedAt: string;
  finishedAt: string;
  command: string;
  commit: string;
  node: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadavgStart: number[];
  loadavgEnd: number[];
  durationSeconds: number;
  ceilingSeconds: number;
}

const ms = (x: number | undefined) => (x === undefined ? "–" : formatMs(x));

/** Responses other than 200, e.g. "3×409"; errors (no response) as "2×err". */
export function otherStatuses(r: LoadResult): string {
  const parts = Object.entries(r.statuses)
    .filter(([s]) => s !== "200" && s !== "ok")
    .map(([s, n]) => `${n}×${s}`);
  if (r.errors && !("error" in r.statuses)) parts.push(`${r.errors}×err`);
  return parts.join(" ") || "0";
}

export function resultsTable(suites: SuiteResult[]): string {
  const rows: (string | number)[][] = [];
  for (const s of suites)
    for (const c of s.cases)
      for (const l of c.levels)
        rows.push([
          s.database,
          s.size.toLocaleString("en-US"),
          c.id,
          l.connections,
          ms(l.app.latency?.median),
          ms(l.app.latency?.p95),
          formatRate(l.app.rps),
          otherStatuses(l.app),
          ms(l.dbCeiling?.latency?.median),
          formatRate(l.dbCeiling?.rps),
          formatRatio(l.appToDb),
          formatRate(l.frameworkCeiling?.rps),
          formatRatio(l.appToFramework),
        ]);
  return markdownTable(
    ["db", "projects", "case", "conn", "median ms", "p95 ms", "req/s", "non-200", "DB median ms", "DB req/s", "app/DB", "static req/s", "app/static"],
    rows,
    ["left", "right", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  );
}

export function memoryTable(suites: SuiteResult[]): string {
  return markdownTable(
    ["db", "projects", "seed s", "cold start ms", "RSS at rest MB", "RSS peak MB", "RSS after MB"],
    suites.map((s) => [
      s.database,
      s.size.toLocaleString("en-US"),
      s.seedSeconds === undefined ? "reused" : s.seedSeconds,
      s.coldStartMs,
      s.memory.restMb.appMb,
      s.memory.peakMb.appMb,
      s.memory.afterMb.appMb,
    ]),
    ["left", "right", "right", "right", "right", "right", "right"],
  );
}

/** The short table for the README: one size, every case per database, throughput across connections. */
export function summaryTable(suites: SuiteResult[], size: number): string {
  const rows: (string | number)[][] = [];
  const at = (s: SuiteResult) => s.size === size;
  const ids = [...new Set(suites.filter(at).flatMap((s) => s.cases.map((c) => c.id)))];
  for (const id of ids)
    for (const s of suites.filter(at)) {
      const c = s.cases.find((x) => x.id === id);
      if (!c) continue;
      const first = c.levels[0];
      const last = c.levels[c.levels.length - 1];
      rows.push([
        id,
        s.database,
        ms(first.app.latency?.median),
        c.levels.map((l) => formatRate(l.app.rps)).join(" / "),
        ms(last.app.latency?.p95),
        formatRatio(last.appToDb),
        formatRatio(last.appToFramework),
      ]);
    }
  const conns = suites.find(at)?.cases[0]?.levels.map((l) => l.connections) ?? [];
  const maxConn = conns[conns.length - 1];
  return markdownTable(
    ["case", "db", `median ms @${conns[0]}`, `req/s @${conns.join("/")}`, `p95 ms @${maxConn}`, `app/DB @${maxConn}`, `app/static @${maxConn}`],
    rows,
    ["left", "left", "right", "right", "right", "right", "right"],
  );
}

const kb = (bytes: number | undefined) => (bytes === undefined ? "–" : `${Math.round(bytes / 100) / 10}`);

/** Responses of a peer measurement that are not a success (Redmine answers a PUT with 204). */
function peerFailures(r: LoadResult): string {
  const bad = Object.entries(r.statuses)
    .filter(([s]) => !/^2\d\d$/.test(s))
    .map(([s, n]) => `${n}×${s}`);
  if (r.errors && !("error" in r.statuses)) bad.push(`${r.errors}×err`);
  return bad.join(" ");
}

const measured = (s: SuiteResult): s is SuiteResult & { peer: PeerResult } => s.peer !== undefined && !("skipped" in s.peer);

/**
 * The peer comparison: per pair and connection count, each round's req/s of
 * both, the median of the rounds' ratios (Lodestone ÷ peer) with its range,
 * and beside them Lodestone's own ceilings from the same suite: app/DB of the
 * case with the same work, app/static at that connection count.
 */
export function peerTable(suites: SuiteResult[]): string {
  const rows: (string | number)[][] = [];
  for (const s of suites.filter(measured))
    for (const c of s.peer.cases)
      for (const l of c.levels) {
        const k = s.framework.findIndex((f) => f.connections === l.connections);
        const own = s.cases.find((x) => x.id === c.ceilingOf)?.levels.find((x) => x.connections === l.connections);
        const lodestoneRps = l.rounds.map((r) => r.lodestone.rps);
        const mean = lodestoneRps.reduce((a, b) => a + b, 0) / (lodestoneRps.length || 1);
        const failures = l.rounds.flatMap((r) => [peerFailures(r.lodestone), peerFailures(r.peer)].filter(Boolean));
        rows.push([
          s.size.toLocaleString("en-US"),
          c.id,
          l.connections,
          l.rounds.map((r) => formatRate(r.lodestone.rps)).join(" / "),
          l.rounds.map((r) => formatRate(r.peer.rps)).join(" / "),
          formatRatio(l.ratio),
          l.minRatio === undefined ? "–" : `${formatRatio(l.minRatio)}–${formatRatio(l.maxRatio)}`,
          `${kb(c.lodestoneBytes)} / ${kb(c.peerBytes)}`,
          formatRatio(own?.appToDb),
          formatRatio(ratio(mean, k < 0 ? undefined : s.framework[k].rps)),
          failures.join(" ") || "0",
        ]);
      }
  return markdownTable(
    ["projects", "case", "conn", "Lodestone req/s", "peer req/s", "ratio", "range", "KB L / peer", "L app/DB", "L app/static", "failed"],
    rows,
    ["right", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right"],
  );
}

/** The signed-in list API against the anonymous one, per suite and connection count: signed-in req/s ÷ anonymous req/s (issue 20: ≥ 0.9). */
export function sessionCostLines(suites: SuiteResult[]): string[] {
  const lines: string[] = [];
  for (const s of suites) {
    const signedIn = s.cases.find((c) => c.id === "list-api");
    const anonymous = s.cases.find((c) => c.id === "list-api-anonymous");
    if (!signedIn || !anonymous) continue;
    const parts = signedIn.levels.map((l) => {
      const a = anonymous.levels.find((x) => x.connections === l.connections);
      return `${formatRatio(ratio(l.app.rps, a?.app.rps))} at ${l.connections} conn (${formatRate(l.app.rps)} / ${formatRate(a?.app.rps)} req/s)`;
    });
    lines.push(`- ${s.database} × ${s.size.toLocaleString("en-US")}: ${parts.join(", ")}`);
  }
  return lines;
}

function peerSection(suites: SuiteResult[]): string[] {
  const withPeer = suites.filter((s) => s.peer);
  if (!withPeer.length) return [];
  const done = withPeer.filter(measured);
  const out = ["## Peer comparison", ""];
  if (done.length) {
    const p = done[0].peer;
    out.push(
      `Lodestone against ${p.kind} at ${p.url} (${p.projects.toLocaleString("en-US")} projects, the same synthetic portfolio on the same PostgreSQL server; ${p.kind}'s pages read ${p.pagesSignedIn ? "signed in" : "anonymously"}, its JSON and write with an API key). Each round measures both, alternating which goes first; ratio = the median over rounds of Lodestone req/s ÷ ${p.kind} req/s (above 1: Lodestone serves more). KB = one response before compression. L app/DB and L app/static: Lodestone's share of its database and framework ceilings in this suite (bench/README.md). Decision 0079 says what stands for what.`,
      "",
      peerTable(done),
      "",
    );
  }
  for (const s of withPeer) if (s.peer && "skipped" in s.peer) out.push(`- ${s.database} × ${s.size.toLocaleString("en-US")}: ${s.peer.skipped}`);
  return [...out, ""];
}

export function markdownReport(meta: RunMeta, suites: SuiteResult[], failures: { database: string; size: number; error: string }[] = []): string {
  return [
    `# Benchmark ${meta.startedAt}`,
    "",
    `\`${meta.command}\` at commit \`${meta.commit}\`, ${meta.durationSeconds} s per case and connection count (ceilings ${meta.ceilingSeconds} s).`,
    `Machine: ${meta.cpus} CPUs (${meta.cpuModel}), ${meta.memoryGb} GB, Node ${meta.node}; load average (1/5/15 min) ${meta.loadavgStart.join(" / ")} at the start, ${meta.loadavgEnd.join(" / ")} at the end${meta.loadavgStart[0] > meta.cpus / 2 ? " — **a busy machine: read the numbers as rough**" : ""}.`,
    "",
    "How to read this: bench/README.md. median/p95 in ms over every response; req/s = responses per second; non-200 = responses with another status (409 = conflicting edit); DB = the same SQL replayed directly on the database (its ceiling); static = a route that does no work (the framework's ceiling); app/DB and app/static = the app's req/s as a share of each ceiling at the same connections.",
    "",
    resultsTable(suites),
    "",
    "Memory (VmRSS of next's processes) and start:",
    "",
    memoryTable(suites),
    "",
    ...(sessionCostLines(suites).length ? ["Signed-in ÷ anonymous list API (req/s; the session lookup's cost):", "", ...sessionCostLines(suites), ""] : []),
    ...peerSection(suites),
    ...failures.map((f) => `**Not measured: ${f.database} × ${f.size}** — ${f.error.split("\n")[0]}\n`),
  ].join("\n");
}
