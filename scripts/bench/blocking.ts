/**
 * Total blocking time (Lighthouse's definition): for every long task after
 * the first contentful paint, the part of it beyond 50 ms, summed. A task
 * that straddles the paint counts from the paint on. Pure, so it is tested
 * without a browser (blocking.test.ts); the browser side is in bench-tbt.ts.
 */
export const BLOCKING_THRESHOLD_MS = 50;

export interface LongTask {
  /** ms since navigation start */
  start: number;
  duration: number;
}

export function totalBlockingTime(tasks: readonly LongTask[], fcp: number, end = Infinity): number {
  let total = 0;
  for (const task of tasks) {
    const from = Math.max(task.start, fcp);
    const to = Math.min(task.start + task.duration, end);
    if (to - from > BLOCKING_THRESHOLD_MS) total += to - from - BLOCKING_THRESHOLD_MS;
  }
  return total;
}

/**
 * What the page records about itself from its first script on, installed with
 * `page.addInitScript` (so it runs before the app's scripts): long tasks, the
 * first contentful paint and the largest contentful paint. Kept as a string of
 * browser code, because it runs in the page, not in Node.
 */
export const PAGE_RECORDER = `(() => {
  const rec = (window.__benchTbt = { tasks: [], fcp: null, lcp: null });
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {}
  };
  observe("longtask", (e) => rec.tasks.push({ start: e.startTime, duration: e.duration }));
  observe("paint", (e) => { if (e.name === "first-contentful-paint") rec.fcp = e.startTime; });
  observe("largest-contentful-paint", (e) => { rec.lcp = e.startTime; });
})();`;

export interface PageRecord {
  tasks: LongTask[];
  fcp: number | null;
  lcp: number | null;
}
