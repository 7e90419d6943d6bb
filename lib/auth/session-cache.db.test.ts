import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testBackends, withTestDatabase } from "../test/database";
import { createViewer } from "../test/viewers";
import { setUserDisabled, setUserRole } from "./admin-users";
import { loadAssignmentsWith } from "./assignments";
import { primaryRole } from "./primary-role";
import type { Viewer } from "./session";
import { createSessionCache, readAuthVersion } from "./session-cache";

describe.each(testBackends())("session cache against the auth version on %s", (backend) => {
  const database = withTestDatabase(backend);
  const version = async () => (await readAuthVersion(database().prisma))!;

  async function startSession(userId: string): Promise<string> {
    const token = randomUUID();
    await database().prisma.session.create({ data: { id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + 86_400_000) } });
    return token;
  }

  /** What the library's look-up gives, read from the same rows (session by token, user not disabled, assignments). */
  async function lookUp(token: string): Promise<{ viewer: Viewer; expiresAt: Date } | null> {
    const prisma = database().prisma;
    const session = await prisma.session.findUnique({ where: { token }, include: { user: true } });
    if (!session || session.user.banned) return null;
    const assignments = await loadAssignmentsWith(prisma, session.userId);
    const u = session.user;
    return {
      viewer: { id: u.id, name: u.name, email: u.email, role: primaryRole(assignments), assignments, lastSeenAt: u.lastSeenAt, locale: u.locale },
      expiresAt: session.expiresAt,
    };
  }

  const request = (token: string) => new Headers({ cookie: `better-auth.session_token=${token}.sig` });

  it("moves with a sign-out, a disable, a role change and a unit move; not with a new session or a visit", async () => {
    const prisma = database().prisma;
    const user = await createViewer(prisma, "staff");
    const moved = async (change: () => Promise<unknown>) => {
      const before = await version();
      await change();
      return (await version()) > before;
    };
    const token = await startSession(user.id);
    expect(await moved(() => startSession(user.id))).toBe(false);
    // a dashboard view writes these on every visit: moving the version there would empty every cache
    expect(await moved(() => prisma.user.update({ where: { id: user.id }, data: { lastSeenAt: new Date(), visitSince: new Date() } }))).toBe(false);
    expect(await moved(() => prisma.session.delete({ where: { token } }))).toBe(true);
    expect(await moved(() => prisma.user.update({ where: { id: user.id }, data: { banned: true } }))).toBe(true);
    expect(await moved(() => prisma.user.update({ where: { id: user.id }, data: { locale: "en" } }))).toBe(true);
    const unit = await prisma.orgUnit.findFirstOrThrow({ where: { parentId: null } });
    expect(await moved(() => prisma.roleAssignment.create({ data: { userId: user.id, unitId: unit.id, role: "executive" } }))).toBe(true);
    expect(await moved(() => prisma.roleAssignment.deleteMany({ where: { userId: user.id, role: "executive" } }))).toBe(true);
    expect(await moved(() => prisma.orgUnit.update({ where: { id: unit.id }, data: { path: unit.path } }))).toBe(true);
  });

  it("does not move for a change that was rolled back", async () => {
    const prisma = database().prisma;
    const user = await createViewer(prisma, "staff");
    const token = await startSession(user.id);
    const before = await version();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.session.delete({ where: { token } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(before);
  });

  it("the request after a role change sees the new role; after a disable or a sign-out, no one", async () => {
    const prisma = database().prisma;
    const admin = await createViewer(prisma, "admin");
    const user = await createViewer(prisma, "manager");
    const sessions = createSessionCache<Viewer>(() => readAuthVersion(prisma));
    const token = await startSession(user.id);
    const viewer = () => sessions.viewerFor(request(token), () => lookUp(token));

    expect((await viewer())?.role).toBe("manager");
    expect((await setUserRole({ viewer: admin, input: { userId: user.id, role: "staff" } })).ok).toBe(true);
    expect((await viewer())?.role).toBe("staff");

    expect((await setUserDisabled({ viewer: admin, input: { userId: user.id, disabled: true } })).ok).toBe(true);
    expect(await viewer()).toBeNull();

    // sign-out: the library deletes the session row
    const other = await createViewer(prisma, "staff");
    const otherToken = await startSession(other.id);
    const otherViewer = () => sessions.viewerFor(request(otherToken), () => lookUp(otherToken));
    expect((await otherViewer())?.id).toBe(other.id);
    await prisma.session.delete({ where: { token: otherToken } });
    expect(await otherViewer()).toBeNull();
  });
});
