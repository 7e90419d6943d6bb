import { describe, expect, it, vi } from "vitest";
import { createSessionCache, SESSION_CACHE_TTL_MS } from "./session-cache";

vi.mock("server-only", () => ({}));

const COOKIE = "better-auth.session_token=abc.signature";
const withCookie = (cookie = COOKIE) => new Headers({ cookie });
const later = new Date(Date.now() + 3_600_000);

function setup() {
  let version: bigint | null = 1n;
  let clock = 1_000_000;
  const readVersion = vi.fn(async () => version);
  const cache = createSessionCache<string>(readVersion, () => clock);
  return {
    cache,
    readVersion,
    setVersion: (v: bigint | null) => (version = v),
    advance: (ms: number) => (clock += ms),
  };
}

describe("session cache", () => {
  it("looks nothing up without a session cookie: no query, no library call", async () => {
    const { cache, readVersion } = setup();
    const load = vi.fn(async () => ({ viewer: "ann", expiresAt: later }));
    expect(await cache.viewerFor(new Headers(), load)).toBeNull();
    expect(await cache.viewerFor(new Headers({ cookie: "lodestone-locale=en" }), load)).toBeNull();
    expect(load).not.toHaveBeenCalled();
    expect(readVersion).not.toHaveBeenCalled();
  });

  it("reuses a viewer while the auth version stands, and looks up again the request after it moves", async () => {
    const { cache, setVersion } = setup();
    const load = vi.fn(async () => ({ viewer: "ann as admin", expiresAt: later }));
    expect(await cache.viewerFor(withCookie(), load)).toBe("ann as admin");
    expect(await cache.viewerFor(withCookie(), load)).toBe("ann as admin");
    expect(load).toHaveBeenCalledTimes(1);
    // a role change (or any trigger's bump) elsewhere: the very next request sees the new grant
    setVersion(2n);
    load.mockResolvedValueOnce({ viewer: "ann as staff", expiresAt: later });
    expect(await cache.viewerFor(withCookie(), load)).toBe("ann as staff");
  });

  it("after sign-out or disabling, the next request is anonymous and nothing stays cached", async () => {
    const { cache, setVersion } = setup();
    await cache.viewerFor(withCookie(), async () => ({ viewer: "ann", expiresAt: later }));
    setVersion(2n); // the session row deleted: the trigger moved the version
    const load = vi.fn(async () => null);
    expect(await cache.viewerFor(withCookie(), load)).toBeNull();
    expect(await cache.viewerFor(withCookie(), load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2); // a failed look-up is never stored
    expect(cache.size).toBe(0);
  });

  it("keeps an entry at most the TTL, and never past the session's own expiry", async () => {
    const { cache, advance } = setup();
    const load = vi.fn(async () => ({ viewer: "ann", expiresAt: later }));
    await cache.viewerFor(withCookie(), load);
    advance(SESSION_CACHE_TTL_MS);
    await cache.viewerFor(withCookie(), load);
    expect(load).toHaveBeenCalledTimes(2);

    const soon = setup();
    const expiring = vi.fn(async () => ({ viewer: "bob", expiresAt: new Date(1_000_000 + 1_000) }));
    await soon.cache.viewerFor(withCookie(), expiring);
    soon.advance(1_000);
    await soon.cache.viewerFor(withCookie(), expiring);
    expect(expiring).toHaveBeenCalledTimes(2);
  });

  it("keys on the whole signed cookie: another value is another look-up", async () => {
    const { cache } = setup();
    const load = vi.fn(async () => ({ viewer: "ann", expiresAt: later }));
    await cache.viewerFor(withCookie(), load);
    const forged = vi.fn(async () => null);
    expect(await cache.viewerFor(withCookie("better-auth.session_token=abc.forged"), forged)).toBeNull();
    expect(forged).toHaveBeenCalledTimes(1);
  });

  it("caches nothing when the version row is missing", async () => {
    const { cache, setVersion } = setup();
    setVersion(null);
    const load = vi.fn(async () => ({ viewer: "ann", expiresAt: later }));
    await cache.viewerFor(withCookie(), load);
    await cache.viewerFor(withCookie(), load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
