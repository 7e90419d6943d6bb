import "server-only";

/**
 * A small per-process memo for dashboard results that may be a few minutes
 * old. Concurrent callers share one computation; a failure is not kept.
 * Per process on purpose: nothing survives a restart or a reseed, and
 * several app instances each keep their own (none serves another's data
 * for longer than the TTL).
 */
interface Entry {
  expires: number;
  value: Promise<unknown>;
}

const MAX_ENTRIES = 200;
const store: Map<string, Entry> = ((globalThis as { __lodestoneDashboardMemo?: Map<string, Entry> }).__lodestoneDashboardMemo ??= new Map());

export function memoize<T>(key: string, ttlMs: number, compute: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const hit = store.get(key);
  if (hit && hit.expires > now()) return hit.value as Promise<T>;
  if (store.size >= MAX_ENTRIES) evict(now());
  const value = compute();
  store.set(key, { expires: now() + ttlMs, value });
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  return value;
}

/** Forgets every memoized result (after a write that must show at once, and in tests). */
export function clearDashboardMemo(): void {
  store.clear();
  carriedStore.clear();
}

/**
 * The last result per name and arguments with the version it holds at, for
 * results carried over from one data version to the next (atDataVersion's
 * keepUnless). Bounded like the memo.
 */
export interface Carried {
  version: string;
  computedAt: number;
  value: Promise<unknown>;
}

const carriedStore: Map<string, Carried> = ((globalThis as { __lodestoneDashboardCarried?: Map<string, Carried> }).__lodestoneDashboardCarried ??= new Map());

export const carried = {
  get: (key: string) => carriedStore.get(key),
  set: (key: string, entry: Carried) => void carriedStore.set(key, entry),
  delete: (key: string) => void carriedStore.delete(key),
  remember(key: string, entry: Carried): void {
    carriedStore.delete(key);
    while (carriedStore.size >= MAX_ENTRIES) carriedStore.delete(carriedStore.keys().next().value!);
    carriedStore.set(key, entry);
  },
};

function evict(at: number): void {
  for (const [key, entry] of store) if (entry.expires <= at) store.delete(key);
  // Still full: drop the oldest (Map keeps insertion order).
  while (store.size >= MAX_ENTRIES) store.delete(store.keys().next().value!);
}
