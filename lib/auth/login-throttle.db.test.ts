import { describe, expect, it } from "vitest";
import { testBackends, withTestDatabase } from "../test/database";
import { createViewer } from "../test/viewers";
import {
  ACCOUNT_FREE_FAILURES,
  BASE_DELAY_SECONDS,
  releaseSignInAttempt,
  reserveSignInAttempt,
  signInSucceeded,
  SOURCE_FREE_FAILURES,
  WINDOW_MINUTES,
} from "./login-throttle";
import { unlockSignIn } from "./login-unlock";
import { consumeRateLimit } from "./rate-limit";
import { pruneThrottleRows } from "./throttle-cleanup";

describe.each(testBackends())("sign-in throttle on %s", (backend) => {
  const database = withTestDatabase(backend);

  it("checks at most SOURCE_FREE_FAILURES passwords out of 30 concurrent guesses (the check and the record are one step)", async () => {
    const prisma = database().prisma;
    const decisions = await Promise.all(Array.from({ length: 30 }, () => reserveSignInAttempt(prisma, { email: "race@example.com", source: "203.0.113.7" })));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(SOURCE_FREE_FAILURES);
    expect(await prisma.loginFailure.count({ where: { email: "race@example.com" } })).toBe(SOURCE_FREE_FAILURES);
  });

  it("delays, rather than locks, one source after its free failures: the delay doubles, other sources are not slowed", async () => {
    const prisma = database().prisma;
    const email = "Someone@Example.com";
    const t0 = new Date("2026-12-01T10:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++)
      expect((await reserveSignInAttempt(prisma, { email, source: "198.51.100.1", now: at(i) })).allowed).toBe(true);
    const last = SOURCE_FREE_FAILURES - 1;
    expect(await reserveSignInAttempt(prisma, { email, source: "198.51.100.1", now: at(last + 1) })).toEqual({
      allowed: false,
      retryAfterSeconds: BASE_DELAY_SECONDS - 1,
      scope: "source",
    });
    // the owner, from another address, signs in at once
    expect((await reserveSignInAttempt(prisma, { email: "someone@example.com", source: "192.0.2.50", now: at(last + 1) })).allowed).toBe(true);
    await signInSucceeded(prisma, { email, source: "192.0.2.50" });
    // after the delay one more guess; the next delay is twice as long
    expect((await reserveSignInAttempt(prisma, { email, source: "198.51.100.1", now: at(last + BASE_DELAY_SECONDS) })).allowed).toBe(true);
    const next = await reserveSignInAttempt(prisma, { email, source: "198.51.100.1", now: at(last + BASE_DELAY_SECONDS + 1) });
    expect(next).toMatchObject({ allowed: false, retryAfterSeconds: 2 * BASE_DELAY_SECONDS - 1 });
    // failures older than the window no longer count
    expect((await reserveSignInAttempt(prisma, { email, source: "198.51.100.1", now: at(WINDOW_MINUTES * 60 + 60) })).allowed).toBe(true);
  });

  it("has a higher ceiling per account over all sources", async () => {
    const prisma = database().prisma;
    const email = "farm@example.com";
    const now = new Date();
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
      expect((await reserveSignInAttempt(prisma, { email, source: `10.0.${i >> 8}.${i & 255}`, now })).allowed).toBe(true);
    expect(await reserveSignInAttempt(prisma, { email, source: "10.1.0.1", now })).toMatchObject({ allowed: false, scope: "account" });
  });

  it("gives back the reservation of an attempt that checked no password, and a success forgives its source", async () => {
    const prisma = database().prisma;
    const email = "release@example.com";
    await reserveSignInAttempt(prisma, { email, source: "192.0.2.9" });
    await reserveSignInAttempt(prisma, { email, source: "192.0.2.9" });
    await releaseSignInAttempt(prisma, { email, source: "192.0.2.9" });
    expect(await prisma.loginFailure.count({ where: { email } })).toBe(1);
    await reserveSignInAttempt(prisma, { email, source: "192.0.2.10" });
    await signInSucceeded(prisma, { email, source: "192.0.2.9" });
    expect(await prisma.loginFailure.findMany({ where: { email }, select: { ip: true } })).toEqual([{ ip: "192.0.2.10" }]);
  });

  it("lets an admin unlock an account, with an audit entry; nobody else may", async () => {
    const prisma = database().prisma;
    const email = "locked@example.com";
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++) await reserveSignInAttempt(prisma, { email, source: "192.0.2.77" });
    expect((await reserveSignInAttempt(prisma, { email, source: "192.0.2.77" })).allowed).toBe(false);

    const manager = await createViewer(prisma, "manager");
    const denied = await unlockSignIn({ viewer: manager, input: { email } });
    expect(denied).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await unlockSignIn({ viewer: null, input: { email } })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const admin = await createViewer(prisma, "admin");
    expect(await unlockSignIn({ viewer: admin, input: { email: "not an email" } })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await prisma.loginFailure.count({ where: { email } })).toBe(SOURCE_FREE_FAILURES);

    expect(await unlockSignIn({ viewer: admin, input: { email: "Locked@Example.com" } })).toEqual({ ok: true, data: { email, cleared: SOURCE_FREE_FAILURES } });
    expect((await reserveSignInAttempt(prisma, { email, source: "192.0.2.77" })).allowed).toBe(true);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "user.sign-in.unlock", entityId: email } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { failures: SOURCE_FREE_FAILURES }, after: { failures: 0 } });
  });

  it("rate limit: of 40 concurrent events at most max pass, and the window reopens", async () => {
    const prisma = database().prisma;
    const now = new Date("2026-12-01T10:00:00Z");
    const decisions = await Promise.all(
      Array.from({ length: 40 }, () => consumeRateLimit(prisma, { key: "sign-in:203.0.113.9", max: 10, windowSeconds: 60, now })),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.find((d) => !d.allowed)).toMatchObject({ retryAfterSeconds: 60 });
    expect((await consumeRateLimit(prisma, { key: "sign-in:203.0.113.10", max: 10, windowSeconds: 60, now })).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, { key: "sign-in:203.0.113.9", max: 10, windowSeconds: 60, now: new Date(now.getTime() + 60_000) })).allowed).toBe(
      true,
    );
  });

  it("prunes failures past the window and idle rate-limit rows", async () => {
    const prisma = database().prisma;
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    await prisma.loginFailure.create({ data: { email: "old@example.com", ip: "x", createdAt: old } });
    await prisma.rateBucket.create({ data: { key: "sign-in:old", windowStart: old, count: 3 } });
    await prisma.rateLimit.create({ data: { id: "old-rl", key: "old-rl", count: 1, lastRequest: BigInt(old.getTime()) } });
    await reserveSignInAttempt(prisma, { email: "fresh@example.com", source: "x" });
    const pruned = await pruneThrottleRows(prisma);
    expect(pruned.loginFailures).toBeGreaterThanOrEqual(1);
    expect(await prisma.loginFailure.count({ where: { email: "old@example.com" } })).toBe(0);
    expect(await prisma.loginFailure.count({ where: { email: "fresh@example.com" } })).toBe(1);
    expect(await prisma.rateBucket.count({ where: { key: "sign-in:old" } })).toBe(0);
    expect(await prisma.rateLimit.count({ where: { key: "old-rl" } })).toBe(0);
  });
});
