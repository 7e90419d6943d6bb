import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetUserPassword, setManagerAssignment, setUserDisabled, setUserRole } from "../auth/admin-users";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { createMilestone, updateMilestone } from "../milestones/milestone-mutations";
import { updateProjectStatus } from "../projects/update-project";
import type { MutationResult } from "../server/mutation";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { addAssignment, assignManager, createViewer } from "../test/viewers";
import { createOrgUnit, moveOrgUnit, moveProjectsToUnit, renameOrgUnit, setRoleAssignment } from "./org-mutations";

/**
 * Units × roles × every mutation, against outcomes written out by hand (not
 * derived from lib/auth/permissions.ts, so a wrong table fails), with the
 * audit entries checked: an allowed admin change writes exactly one, an
 * allowed project edit one history entry and no audit entry, a denied call
 * nothing.
 *
 * Tree: GRP → MMG → MMG-X (MMG-X was created under MCC and moved under MMG
 * before the cases run: assignments on it and on its old and new parents show
 * a move's effect), GRP → MCC. Every case targets a fresh project in MMG-X.
 */
type Caller =
  | "anonymous"
  | "noRole"
  | "adminGRP"
  | "adminMMG"
  | "adminMCC"
  | "pmoGRP"
  | "pmoMMG"
  | "pmoMCC"
  | "pmoMovedUnit"
  | "managerAssigned"
  | "managerOther"
  | "executiveMMG"
  | "executiveMCC"
  | "staffGRP"
  | "twoAssignments";
type Mutation =
  | "updateProject"
  | "createMilestone"
  | "updateMilestone"
  | "rebaseline"
  | "createUnit"
  | "renameUnit"
  | "moveProjects"
  | "assignRole"
  | "assignManager"
  | "setGroupRole"
  | "disableUser"
  | "resetPassword";

const A = "allowed";
const F = "FORBIDDEN";
const N = "NOT_FOUND";
const U = "UNAUTHENTICATED";

const EDIT = {
  anonymous: U,
  noRole: F,
  adminGRP: A,
  adminMMG: A,
  adminMCC: N,
  pmoGRP: A,
  pmoMMG: A,
  pmoMCC: N,
  pmoMovedUnit: A,
  managerAssigned: A,
  managerOther: F,
  executiveMMG: F,
  executiveMCC: F,
  staffGRP: F,
  twoAssignments: A,
} satisfies Record<Caller, string>;
const REBASELINE = { ...EDIT, pmoGRP: F, pmoMMG: F, pmoMovedUnit: F, managerAssigned: F, twoAssignments: F } satisfies Record<Caller, string>;
/** org:manage / user:manage on MMG-X: admins whose unit covers it */
const UNIT_ADMIN = {
  anonymous: U,
  noRole: F,
  adminGRP: A,
  adminMMG: A,
  adminMCC: F,
  pmoGRP: F,
  pmoMMG: F,
  pmoMCC: F,
  pmoMovedUnit: F,
  managerAssigned: F,
  managerOther: F,
  executiveMMG: F,
  executiveMCC: F,
  staffGRP: F,
  twoAssignments: F,
} satisfies Record<Caller, string>;
/** a project-scoped admin change: an admin who cannot read the project gets NOT_FOUND */
const PROJECT_ADMIN = { ...UNIT_ADMIN, adminMCC: N } satisfies Record<Caller, string>;
/** user-level changes: group admins only */
const GROUP_ADMIN = { ...UNIT_ADMIN, adminMMG: F } satisfies Record<Caller, string>;

const EXPECTED: Record<Mutation, Record<Caller, string>> = {
  updateProject: EDIT,
  createMilestone: EDIT,
  updateMilestone: EDIT,
  rebaseline: REBASELINE,
  createUnit: UNIT_ADMIN,
  renameUnit: UNIT_ADMIN,
  moveProjects: PROJECT_ADMIN,
  assignRole: UNIT_ADMIN,
  assignManager: PROJECT_ADMIN,
  setGroupRole: GROUP_ADMIN,
  disableUser: GROUP_ADMIN,
  resetPassword: GROUP_ADMIN,
};
const PROJECT_EDITS: Mutation[] = ["updateProject", "createMilestone", "updateMilestone", "rebaseline"];

describe.each(testBackends())("unit-scoped permission matrix on %s", (backend) => {
  const database = withTestDatabase(backend);
  const callers = {} as Record<Caller, Viewer | null>;
  let managerTarget: Viewer;
  let n = 0;

  beforeAll(async () => {
    const prisma = database().prisma;
    const groupAdmin = await createViewer(prisma, "admin", "setup admin");
    const made = await createOrgUnit({ viewer: groupAdmin, input: { parentCode: "MCC", code: "MMG-X", nameEn: "Unit X" } });
    expect(made.ok).toBe(true);
    await createOrgUnit({ viewer: groupAdmin, input: { parentCode: "MMG", code: "MMG-Y", nameEn: "Unit Y" } });
    callers.anonymous = null;
    const specs: [Caller, string | null, string | undefined][] = [
      ["noRole", null, undefined],
      ["adminGRP", "admin", undefined],
      ["adminMMG", "admin", "MMG"],
      ["adminMCC", "admin", "MCC"],
      ["pmoGRP", "pmo", undefined],
      ["pmoMMG", "pmo", "MMG"],
      ["pmoMCC", "pmo", "MCC"],
      ["pmoMovedUnit", "pmo", "MMG-X"],
      ["managerAssigned", "manager", "MMG"],
      ["managerOther", "manager", "MMG"],
      ["executiveMMG", "executive", "MMG"],
      ["executiveMCC", "executive", "MCC"],
      ["staffGRP", "staff", undefined],
    ];
    // Assignments are made before the move and read after it: as the next request after a move would.
    for (const [caller, role, unit] of specs) callers[caller] = await createViewer(prisma, role, caller, unit);
    callers.twoAssignments = await addAssignment(prisma, await createViewer(prisma, "staff", "twoAssignments", "MCC"), "pmo", "MMG");
    managerTarget = await createViewer(prisma, "manager", "manager target", "MMG");
    const x = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "MMG-X" } });
    expect(await moveOrgUnit({ viewer: groupAdmin, input: { code: "MMG-X", version: x.version, parentCode: "MMG" } })).toMatchObject({ ok: true });
    const { refreshViewer } = await import("../test/viewers");
    for (const c of Object.keys(callers) as Caller[]) if (callers[c]) callers[c] = await refreshViewer(prisma, callers[c]);
  });

  async function freshProject(): Promise<{ slug: string; milestoneId: string }> {
    const prisma = database().prisma;
    const slug = `unit-matrix-${++n}`;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({
          slug,
          orgUnit: "MMG-X",
          milestones: [{ key: "m", title: "M", state: "PLANNED", baseline: { date: "2026-01-01", precision: "MONTH" } }],
        }),
      ],
    });
    await assignManager(prisma, callers.managerAssigned!, slug);
    const m = await prisma.milestone.findFirstOrThrow({ where: { project: { slug } } });
    return { slug, milestoneId: m.id };
  }

  async function freshUser(): Promise<string> {
    const prisma = database().prisma;
    const id = randomUUID();
    await prisma.user.create({ data: { id, name: `target ${id}`, email: `${id}@test.local` } });
    await prisma.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: "old-hash" } });
    return id;
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
    createUnit: (viewer) => createOrgUnit({ viewer, input: { parentCode: "MMG-X", code: `C${++n}`, nameEn: "Child", reason: "matrix" } }),
    renameUnit: async (viewer) => {
      const x = await database().prisma.orgUnit.findUniqueOrThrow({ where: { code: "MMG-X" } });
      return renameOrgUnit({ viewer, input: { code: "MMG-X", version: x.version, nameEn: `Unit X ${++n}`, reason: "matrix" } });
    },
    moveProjects: (viewer, p) => moveProjectsToUnit({ viewer, input: { slugs: [p.slug], toCode: "MMG-Y", reason: "matrix" } }),
    assignRole: async (viewer) =>
      setRoleAssignment({ viewer, input: { userId: await freshUser(), unitCode: "MMG-X", role: "staff", assigned: true, reason: "matrix" } }),
    assignManager: (viewer, p) => setManagerAssignment({ viewer, input: { userId: managerTarget.id, projectSlug: p.slug, assigned: true, reason: "matrix" } }),
    setGroupRole: async (viewer) => setUserRole({ viewer, input: { userId: await freshUser(), role: "executive", reason: "matrix" } }),
    disableUser: async (viewer) => setUserDisabled({ viewer, input: { userId: await freshUser(), disabled: true, reason: "matrix" } }),
    resetPassword: async (viewer) => resetUserPassword({ viewer, input: { userId: await freshUser(), password: "a-new-long-password", reason: "matrix" } }),
  };

  const cases = (Object.keys(EXPECTED) as Mutation[]).flatMap((m) => (Object.keys(EXPECTED[m]) as Caller[]).map((c) => [m, c] as const));

  it.each(cases)("%s by %s", async (mutation, caller) => {
    const prisma = database().prisma;
    const p = await freshProject();
    const [historyBefore, auditBefore] = await Promise.all([prisma.statusUpdate.count(), prisma.auditEntry.count()]);
    const r = await RUN[mutation](callers[caller], p);
    const expected = EXPECTED[mutation][caller];
    expect(r.ok ? A : r.error.code).toBe(expected);
    const history = (await prisma.statusUpdate.count()) - historyBefore;
    const audit = (await prisma.auditEntry.count()) - auditBefore;
    const isEdit = PROJECT_EDITS.includes(mutation);
    expect(history).toBe(expected === A && isEdit ? 1 : 0);
    expect(audit).toBe(expected === A && !isEdit ? 1 : 0);
    if (expected === A && !isEdit) {
      const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { at: "desc" } });
      expect(entry).toMatchObject({ actorId: callers[caller]!.id, actorName: callers[caller]!.name, reason: "matrix" });
    }
  });

  it("moving a unit under its own descendant is refused with a clear error, and nothing changes", async () => {
    const prisma = database().prisma;
    const before = await prisma.orgUnit.findMany({ orderBy: { code: "asc" }, select: { code: true, path: true, version: true } });
    const mmg = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "MMG" } });
    const r = await moveOrgUnit({ viewer: callers.adminGRP, input: { code: "MMG", version: mmg.version, parentCode: "MMG-X" } });
    expect(r).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", english: expect.stringMatching(/cycle/) } });
    const self = await moveOrgUnit({ viewer: callers.adminGRP, input: { code: "MMG", version: mmg.version, parentCode: "MMG" } });
    expect(self).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const root = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "GRP" } });
    expect(await moveOrgUnit({ viewer: callers.adminGRP, input: { code: "GRP", version: root.version, parentCode: "MCC" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(await prisma.orgUnit.findMany({ orderBy: { code: "asc" }, select: { code: true, path: true, version: true } })).toEqual(before);
  });

  it("a move rewrites the whole subtree's paths; a stale version is a conflict", async () => {
    const prisma = database().prisma;
    await createOrgUnit({ viewer: callers.adminGRP, input: { parentCode: "MMG-Y", code: "Y-1", nameEn: "Y one" } });
    await createOrgUnit({ viewer: callers.adminGRP, input: { parentCode: "Y-1", code: "Y-2", nameEn: "Y two" } });
    const y = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "MMG-Y" } });
    expect(await moveOrgUnit({ viewer: callers.adminGRP, input: { code: "MMG-Y", version: y.version + 1, parentCode: "MCC" } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await moveOrgUnit({ viewer: callers.adminGRP, input: { code: "MMG-Y", version: y.version, parentCode: "MCC" } })).toMatchObject({ ok: true });
    const paths = await prisma.orgUnit.findMany({ where: { code: { in: ["MMG-Y", "Y-1", "Y-2"] } }, orderBy: { path: "asc" }, select: { path: true } });
    expect(paths.map((p) => p.path)).toEqual(["/GRP/MCC/MMG-Y/", "/GRP/MCC/MMG-Y/Y-1/", "/GRP/MCC/MMG-Y/Y-1/Y-2/"]);
  });

  it("archiving: refused while the unit has active units, then allowed; an archived unit takes no new projects or assignments", async () => {
    const prisma = database().prisma;
    await createOrgUnit({ viewer: callers.adminGRP, input: { parentCode: "MCC", code: "ARC", nameEn: "To archive" } });
    await createOrgUnit({ viewer: callers.adminGRP, input: { parentCode: "ARC", code: "ARC-1", nameEn: "Child" } });
    const arc = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "ARC" } });
    const { archiveOrgUnit } = await import("./org-mutations");
    expect(await archiveOrgUnit({ viewer: callers.adminGRP, input: { code: "ARC", version: arc.version, archived: true } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    const child = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "ARC-1" } });
    expect(
      await archiveOrgUnit({ viewer: callers.adminGRP, input: { code: "ARC-1", version: child.version, archived: true, reason: "closed" } }),
    ).toMatchObject({ ok: true });
    expect(await archiveOrgUnit({ viewer: callers.adminGRP, input: { code: "ARC", version: arc.version, archived: true } })).toMatchObject({ ok: true });
    const p = await freshProject();
    expect(await moveProjectsToUnit({ viewer: callers.adminGRP, input: { slugs: [p.slug], toCode: "ARC" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(
      await setRoleAssignment({ viewer: callers.adminGRP, input: { userId: managerTarget.id, unitCode: "ARC", role: "staff", assigned: true } }),
    ).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { action: "org.unit.archive", entityId: "ARC-1" } })).toMatchObject({
      reason: "closed",
      after: { archived: true },
    });
  });

  it("a password reset ends every session of the user and records no password", async () => {
    const prisma = database().prisma;
    const id = await freshUser();
    await prisma.session.create({ data: { id: `s-${id}`, token: `t-${id}`, userId: id, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await resetUserPassword({ viewer: callers.adminGRP, input: { userId: id, password: "short" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    expect(await prisma.session.count({ where: { userId: id } })).toBe(1);
    expect(await resetUserPassword({ viewer: callers.adminGRP, input: { userId: id, password: "a-long-enough-password" } })).toMatchObject({
      ok: true,
      data: { sessionsEnded: 1 },
    });
    expect(await prisma.session.count({ where: { userId: id } })).toBe(0);
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: "user.password.reset", entityId: id } });
    expect(JSON.stringify(entry)).not.toContain("a-long-enough-password");
  });

  it("unknown role strings are refused by the schema and cannot be stored", async () => {
    const prisma = database().prisma;
    const id = await freshUser();
    expect(await setRoleAssignment({ viewer: callers.adminGRP, input: { userId: id, unitCode: "MMG", role: "staff,admin", assigned: true } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST" },
    });
    const mmg = await prisma.orgUnit.findUniqueOrThrow({ where: { code: "MMG" } });
    await expect(
      prisma.$executeRaw`INSERT INTO "RoleAssignment" ("id", "userId", "unitId", "role") VALUES (gen_random_uuid(), ${id}, ${mmg.id}::uuid, 'staff,admin')`,
    ).rejects.toThrow();
    // A legacy role column holding anything grants nothing: only assignments count.
    await prisma.user.update({ where: { id }, data: { role: "admin" } });
    expect(await prisma.roleAssignment.count({ where: { userId: id } })).toBe(0);
  });
});
