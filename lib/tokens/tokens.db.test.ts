import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { AppError } from "../errors";
import { parseListParamsLenient } from "../projects/list-params";
import { listProjects } from "../projects/list-projects";
import { readScopeOf } from "../projects/project-scope";
import { updateProjectStatus } from "../projects/update-project";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { viewerFromToken } from "./bearer";
import { listApiTokens } from "./list-tokens";
import { createApiToken, revokeApiToken } from "./token-mutations";
import { hashApiToken, TOKEN_PATTERN } from "./token-secret";

/**
 * API tokens against a real database: stored hashed, shown once, resolving
 * to the same Viewer a session gives (so every scope check applies), refused
 * when tampered, expired or revoked, read-only when so scoped, rate-limited
 * per token. Tree: GRP → MMG, GRP → MCC; projects "kin" (MMG), "ramu" (MCC).
 */
describe.each(testBackends())("API tokens on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;
  let admin: Viewer;
  let mmgAdmin: Viewer;
  let other: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "kin", orgUnit: "MMG" }), buildProject({ slug: "ramu", orgUnit: "MCC" })] });
    manager = await createViewer(prisma, "manager", "Mia Manager", "MMG");
    await assignManager(prisma, manager, "kin");
    admin = await createViewer(prisma, "admin", "Group admin");
    mmgAdmin = await createViewer(prisma, "admin", "MMG admin", "MMG");
    other = await createViewer(prisma, "staff", "Other staff");
  });

  async function mint(viewer: Viewer, input: Record<string, unknown>) {
    const r = await createApiToken({ viewer, input });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  }
  const version = async (slug: string) => (await database().prisma.project.findUniqueOrThrow({ where: { slug } })).version;
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  };

  it("shows the token once and stores only its sha256; no list, row or audit entry holds it", async () => {
    const prisma = database().prisma;
    const { token, secret } = await mint(manager, { kind: "personal", name: "BI refresh", scope: "read", expiresInDays: 30 });
    expect(secret).toMatch(TOKEN_PATTERN);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.hash).toBe(hashApiToken(secret));
    const everything = JSON.stringify([await prisma.apiToken.findMany(), await prisma.auditEntry.findMany(), await prisma.outboxMessage.findMany()]);
    expect(everything).not.toContain(secret);
    const listed = JSON.stringify(await listApiTokens({ viewer: manager, kind: "personal" }));
    expect(listed).toContain(token.prefix);
    expect(listed).not.toContain(secret);
    expect(listed).not.toContain(row.hash);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "token.create", entityId: token.id } });
    expect(audit).toMatchObject({ actorId: manager.id, after: { kind: "personal", scope: "read", prefix: token.prefix } });
    expect(JSON.stringify(audit)).not.toContain(row.hash);
  });

  it("resolves to the owner's viewer: same assignments, last use recorded", async () => {
    const { token, secret } = await mint(manager, { kind: "personal", name: "writer", scope: "write", expiresInDays: 7 });
    const v = await viewerFromToken(secret);
    expect(v).toMatchObject({ id: manager.id, role: "manager", token: { id: token.id, kind: "personal", scope: "write" } });
    expect(v.assignments).toEqual(manager.assignments);
    const [listed] = (await listApiTokens({ viewer: manager, kind: "personal" })).filter((t) => t.id === token.id);
    expect(listed.lastUsedAt).not.toBeNull();
    // a write token changes what its owner may change, through the same mutate() path
    const r = await updateProjectStatus({ viewer: v, slug: "kin", input: { version: await version("kin"), health: "AT_RISK", comment: "via API" } });
    expect(r).toMatchObject({ ok: true });
    // …and not beyond the owner's scope
    const outside = await updateProjectStatus({ viewer: v, slug: "ramu", input: { version: await version("ramu"), health: "AT_RISK" } });
    expect(outside.ok).toBe(false);
  });

  it("refuses a read-only token on every mutation with FORBIDDEN and changes nothing", async () => {
    const { secret } = await mint(manager, { kind: "personal", name: "reader", scope: "read", expiresInDays: 7 });
    const v = await viewerFromToken(secret);
    const before = await version("kin");
    const r = await updateProjectStatus({ viewer: v, slug: "kin", input: { version: before, health: "OFF_TRACK" } });
    expect(r).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await version("kin")).toBe(before);
    // and a token cannot mint or revoke tokens, even a write one
    const w = await viewerFromToken((await mint(manager, { kind: "personal", name: "w", scope: "write", expiresInDays: 1 })).secret);
    expect(await createApiToken({ viewer: w, input: { kind: "personal", name: "child", scope: "write", expiresInDays: 365 } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });

  it("refuses tampered, unknown, malformed, expired and revoked tokens and disabled owners with 401", async () => {
    const prisma = database().prisma;
    const { token, secret } = await mint(manager, { kind: "personal", name: "short", scope: "read", expiresInDays: 1 });
    const flipped = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    expect(await refusal(viewerFromToken(flipped))).toBe("UNAUTHENTICATED");
    expect(await refusal(viewerFromToken(""))).toBe("UNAUTHENTICATED");
    expect(await refusal(viewerFromToken(`xyz_${secret.slice(4)}`))).toBe("UNAUTHENTICATED");
    expect(await refusal(viewerFromToken(hashApiToken(secret)))).toBe("UNAUTHENTICATED");
    expect(await refusal(viewerFromToken(secret, { now: new Date(Date.now() + 2 * 86_400_000) }))).toBe("UNAUTHENTICATED");
    expect((await viewerFromToken(secret)).id).toBe(manager.id);

    // someone else cannot revoke it (nor learn that it exists)
    expect(await revokeApiToken({ viewer: other, input: { id: token.id } })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const revoked = await revokeApiToken({ viewer: manager, input: { id: token.id } });
    expect(revoked).toMatchObject({ ok: true, data: { token: { status: "revoked" } } });
    expect(await refusal(viewerFromToken(secret))).toBe("UNAUTHENTICATED");
    // revoking again changes nothing and writes no second audit entry
    expect((await revokeApiToken({ viewer: manager, input: { id: token.id } })).ok).toBe(true);
    expect(await prisma.auditEntry.count({ where: { action: "token.revoke", entityId: token.id } })).toBe(1);

    const banned = await createViewer(prisma, "staff", "Soon disabled");
    const b = await mint(banned, { kind: "personal", name: "b", scope: "read", expiresInDays: 1 });
    expect((await viewerFromToken(b.secret)).id).toBe(banned.id);
    await prisma.user.update({ where: { id: banned.id }, data: { banned: true } });
    expect(await refusal(viewerFromToken(b.secret))).toBe("UNAUTHENTICATED");
  });

  it("rejects bad input with field errors and writes nothing", async () => {
    const prisma = database().prisma;
    const before = await prisma.apiToken.count();
    for (const input of [
      { kind: "personal", name: "", scope: "read", expiresInDays: 7 },
      { kind: "personal", name: "x", scope: "admin", expiresInDays: 7 },
      { kind: "personal", name: "x", scope: "read", expiresInDays: 366 },
      { kind: "personal", name: "x", scope: "read", expiresInDays: 7, unitCode: "MMG" },
      { kind: "personal", name: "x\u0000", scope: "read", expiresInDays: 7 },
      { kind: "personal", name: "x", scope: "read", expiresInDays: 7, hash: "0".repeat(64) },
    ]) {
      const r = await createApiToken({ viewer: manager, input });
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
    expect(await createApiToken({ viewer: manager, input: { kind: "service", name: "svc", scope: "read", expiresInDays: 7, unitCode: "MMG" } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await createApiToken({ viewer: mmgAdmin, input: { kind: "service", name: "svc", scope: "read", expiresInDays: 7, unitCode: "MCC" } })).toMatchObject(
      { ok: false, error: { code: "FORBIDDEN" } },
    );
    expect(await createApiToken({ viewer: admin, input: { kind: "service", name: "svc", scope: "read", expiresInDays: 7, unitCode: "NOPE" } })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await createApiToken({ viewer: null, input: { kind: "personal", name: "x", scope: "read", expiresInDays: 7 } })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
    expect(await prisma.apiToken.count()).toBe(before);
  });

  it("a service token acts as its own account with staff (read) or PMO (write) on its unit only", async () => {
    const prisma = database().prisma;
    const reader = await mint(admin, { kind: "service", name: "MMG reader", scope: "read", expiresInDays: 30, unitCode: "MMG" });
    const rv = await viewerFromToken(reader.secret);
    expect(rv.id).not.toBe(admin.id);
    expect(rv.assignments.map((a) => [a.role, a.unitCode])).toEqual([["staff", "MMG"]]);
    const params = parseListParamsLenient(new URLSearchParams()).params;
    expect((await listProjects(params, { scope: readScopeOf(rv) })).rows.map((r) => r.slug)).toEqual(["kin"]);
    expect(await updateProjectStatus({ viewer: rv, slug: "kin", input: { version: await version("kin"), health: "OFF_TRACK" } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    const writer = await mint(mmgAdmin, { kind: "service", name: "MMG sync", scope: "write", expiresInDays: 30, unitCode: "MMG" });
    const wv = await viewerFromToken(writer.secret);
    expect(wv.assignments.map((a) => [a.role, a.unitCode])).toEqual([["pmo", "MMG"]]);
    expect(
      await updateProjectStatus({ viewer: wv, slug: "kin", input: { version: await version("kin"), health: "OFF_TRACK", comment: "sync" } }),
    ).toMatchObject({ ok: true });
    expect((await updateProjectStatus({ viewer: wv, slug: "ramu", input: { version: await version("ramu"), health: "OFF_TRACK" } })).ok).toBe(false);
    // the history names the service account, which cannot sign in
    const entry = await prisma.statusUpdate.findFirstOrThrow({ where: { comment: "sync" } });
    expect(entry).toMatchObject({ authorId: wv.id, authorName: "Service: MMG sync" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: wv.id } })).toMatchObject({ banned: true });
    expect(await prisma.account.count({ where: { userId: wv.id } })).toBe(0);

    // only admins covering the unit list and revoke service tokens
    expect((await listApiTokens({ viewer: manager, kind: "service" })).length).toBe(0);
    expect((await listApiTokens({ viewer: mmgAdmin, kind: "service" })).map((t) => t.name).sort()).toEqual(["MMG reader", "MMG sync"]);
    expect(await revokeApiToken({ viewer: manager, input: { id: writer.token.id } })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await revokeApiToken({ viewer: mmgAdmin, input: { id: writer.token.id } })).toMatchObject({ ok: true });
    expect(await refusal(viewerFromToken(writer.secret))).toBe("UNAUTHENTICATED");
  });

  it("rate-limits each token on its own, and the window reopens", async () => {
    const a = await mint(other, { kind: "personal", name: "a", scope: "read", expiresInDays: 1 });
    const b = await mint(other, { kind: "personal", name: "b", scope: "read", expiresInDays: 1 });
    const now = new Date();
    for (let i = 0; i < 3; i++) await viewerFromToken(a.secret, { now, ratePerMinute: 3 });
    const err = await viewerFromToken(a.secret, { now, ratePerMinute: 3 }).catch((e: AppError) => e);
    expect(err).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: expect.any(Number) } });
    expect((await viewerFromToken(b.secret, { now, ratePerMinute: 3 })).token?.id).toBe(b.token.id);
    expect((await viewerFromToken(a.secret, { now: new Date(now.getTime() + 61_000), ratePerMinute: 3 })).token?.id).toBe(a.token.id);
  });
});
