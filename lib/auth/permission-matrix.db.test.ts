import { beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio } from "../db/seed";
import { createMilestone, updateMilestone } from "../milestones/milestone-mutations";
import { updateProjectStatus } from "../projects/update-project";
import type { MutationResult } from "../server/mutation";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { assignManager, createViewer } from "../test/viewers";
import { setManagerAssignment, setUserDisabled, setUserRole } from "./admin-users";
import type { Viewer } from "./session";

/**
 * Every mutation × every kind of caller, against an expectation written out
 * here by hand (not derived from permissions.ts, so a wrong table fails).
 */
type Caller = "anonymous" | "admin" | "assignedManager" | "otherManager" | "executive" | "staff" | "unknownRole" | "noRole";
const CALLERS: Caller[] = ["anonymous", "admin", "assignedManager", "otherManager", "executive", "staff", "unknownRole", "noRole"];
type Mutation = "updateProject" | "createMilestone" | "updateMilestone" | "rebaseline" | "setRole" | "disableUser" | "assignManager";

const A = "allowed";
const EXPECTED: Record<Mutation, Record<Caller, string>> = {
  updateProject: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: A,
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
  createMilestone: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: A,
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
  updateMilestone: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: A,
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
  rebaseline: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: "FORBIDDEN",
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
  setRole: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: "FORBIDDEN",
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
  disableUser: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: "FORBIDDEN",
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
  assignManager: {
    anonymous: "UNAUTHENTICATED",
    admin: A,
    assignedManager: "FORBIDDEN",
    otherManager: "FORBIDDEN",
    executive: "FORBIDDEN",
    staff: "FORBIDDEN",
    unknownRole: "FORBIDDEN",
    noRole: "FORBIDDEN",
  },
};

describe.each(testBackends())("permission matrix on %s", (backend) => {
  const database = withTestDatabase(backend);
  const viewers = {} as Record<Caller, Viewer | null>;
  let target: Viewer;
  let n = 0;

  beforeAll(async () => {
    const prisma = database().prisma;
    viewers.anonymous = null;
    for (const [caller, role] of [
      ["admin", "admin"],
      ["assignedManager", "manager"],
      ["otherManager", "manager"],
      ["executive", "executive"],
      ["staff", "staff"],
      ["unknownRole", "superuser"],
      ["noRole", null],
    ] as const)
      viewers[caller] = await createViewer(prisma, role);
    target = await createViewer(prisma, "staff", "Target user");
  });

  // A fresh project per case, so every case starts from version 1 and one milestone.
  async function freshProject(): Promise<{ slug: string; milestoneId: string }> {
    const prisma = database().prisma;
    const slug = `matrix-${++n}`;
    await loadPortfolio(prisma, {
      projects: [buildProject({ slug, milestones: [{ key: "m", title: "M", state: "PLANNED", baseline: { date: "2026-01-01", precision: "MONTH" } }] })],
    });
    await assignManager(prisma, viewers.assignedManager!, slug);
    const m = await prisma.milestone.findFirstOrThrow({ where: { project: { slug } } });
    return { slug, milestoneId: m.id };
  }

  const RUN: Record<Mutation, (viewer: Viewer | null, p: { slug: string; milestoneId: string }) => Promise<MutationResult<unknown>>> = {
    updateProject: (viewer, p) => updateProjectStatus({ viewer, slug: p.slug, input: { version: 1, stage: "OPERATION" } }),
    createMilestone: (viewer, p) => createMilestone({ viewer, slug: p.slug, input: { title: "New" } }),
    updateMilestone: (viewer, p) => updateMilestone({ viewer, slug: p.slug, milestoneId: p.milestoneId, input: { version: 1, title: "Renamed" } }),
    rebaseline: (viewer, p) =>
      updateMilestone({
        viewer,
        slug: p.slug,
        milestoneId: p.milestoneId,
        input: { version: 1, baseline: { date: "2026-03-01", precision: "MONTH" }, comment: "Scope change" },
      }),
    setRole: (viewer) => setUserRole({ viewer, input: { userId: target.id, role: "executive" } }),
    disableUser: (viewer) => setUserDisabled({ viewer, input: { userId: target.id, disabled: false } }),
    assignManager: (viewer, p) => setManagerAssignment({ viewer, input: { userId: viewers.otherManager!.id, projectSlug: p.slug, assigned: false } }),
  };

  const cases = (Object.keys(EXPECTED) as Mutation[]).flatMap((m) => CALLERS.map((c) => [m, c] as const));

  it.each(cases)("%s by %s", async (mutation, caller) => {
    const prisma = database().prisma;
    const p = await freshProject();
    const historyBefore = await prisma.statusUpdate.count();
    const r = await RUN[mutation](viewers[caller], p);
    const expected = EXPECTED[mutation][caller];
    expect(r.ok ? A : r.error.code).toBe(expected);
    const wroteHistory = (await prisma.statusUpdate.count()) - historyBefore;
    const auditable = ["updateProject", "createMilestone", "updateMilestone", "rebaseline"].includes(mutation);
    // allowed edits leave exactly one audit entry; denied ones leave none
    expect(wroteHistory).toBe(expected === A && auditable ? 1 : 0);
  });

  it("re-baselining keeps the old baseline in history", async () => {
    const p = await freshProject();
    const r = await RUN.rebaseline(viewers.admin, p);
    expect(r.ok).toBe(true);
    const entry = await database().prisma.statusUpdate.findFirstOrThrow({ where: { milestoneId: p.milestoneId, origin: "USER" }, include: { changes: true } });
    expect(entry.comment).toBe("Scope change");
    expect(entry.changes).toEqual([expect.objectContaining({ field: "milestone.baseline", before: "2026-01-01|MONTH", after: "2026-03-01|MONTH" })]);
  });

  it("a re-baseline needs a reason", async () => {
    const p = await freshProject();
    const r = await updateMilestone({
      viewer: viewers.admin,
      slug: p.slug,
      milestoneId: p.milestoneId,
      input: { version: 1, baseline: { date: "2026-03-01", precision: "MONTH" } },
    });
    expect(r).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", fields: { comment: { key: "reasonRebaseline" } } } });
  });

  it("a milestone id from another project is not found under this one", async () => {
    const a = await freshProject();
    const b = await freshProject();
    const r = await updateMilestone({ viewer: viewers.admin, slug: a.slug, milestoneId: b.milestoneId, input: { version: 1, title: "Hijack" } });
    expect(r).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await database().prisma.milestone.findUniqueOrThrow({ where: { id: b.milestoneId } })).title).toBe("M");
  });

  it("disabling a user ends their sessions at once", async () => {
    const prisma = database().prisma;
    const victim = await createViewer(prisma, "staff");
    await prisma.session.create({ data: { id: `s-${victim.id}`, token: `t-${victim.id}`, userId: victim.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await setUserDisabled({ viewer: viewers.admin, input: { userId: victim.id, disabled: true } })).ok).toBe(true);
    expect(await prisma.session.count({ where: { userId: victim.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: victim.id } })).banned).toBe(true);
  });

  it("an admin cannot disable or demote themselves", async () => {
    expect(await setUserDisabled({ viewer: viewers.admin, input: { userId: viewers.admin!.id, disabled: true } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(await setUserRole({ viewer: viewers.admin, input: { userId: viewers.admin!.id, role: "staff" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
  });
});
