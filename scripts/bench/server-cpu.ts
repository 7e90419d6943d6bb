import fs from "node:fs";

/**
 * Server CPU per request, read from Linux's /proc (issue 20's "≤ 15 ms median
 * server CPU per page"): the server is the process listening on the app's
 * port, and its CPU is user + system time over all its threads
 * (/proc/<pid>/stat fields 14 and 15). The kernel counts in clock ticks
 * (10 ms here), too coarse for one request, so requests are timed in batches
 * and each batch's mean is one sample.
 */

const TICK_MS = 10; // CLK_TCK = 100 on Linux on every architecture Node ships for

/** The pid of the process listening on `port` (any address, IPv4 or IPv6), or undefined. */
export function listeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(":")[1], 16);
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]); // 0A = LISTEN
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // not ours to read, or gone
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(target);
        if (m && inodes.has(m[1])) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** The process's CPU so far (user + system, all threads), in ms. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14, 15)
}

/**
 * Sends `batches × perBatch` sequential requests (after `warmup`) and returns
 * one sample per batch: the server's CPU in that batch divided by its requests.
 */
export async function cpuPerRequest(pid: number, request: () => Promise<void>, opts: { warmup: number; batches: number; perBatch: number }): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await request();
  const samples: number[] = [];
  for (let b = 0; b < opts.batches; b++) {
    const before = processCpuMs(pid);
    for (let i = 0; i < opts.perBatch; i++) await request();
    samples.push((processCpuMs(pid) - before) / opts.perBatch);
  }
  return samples;
}
