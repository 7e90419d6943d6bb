import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db/client";
import { AppError } from "../errors";
import { assertCovers } from "../org/org-mutations";
import { isWithin } from "../org/org-path";
import { projectReadScope } from "../projects/project-scope";
import { mutate, type MutationResult } from "../server/mutation";
import { createUserSchema, managerAssignmentSchema, resetPasswordSchema, setDisabledSchema, setRoleSchema } from "./admin-users.validation";
import { displayNameSchema } from "./display-name.validation";
import { isRole, type Role } from "./permissions";
import { primaryRole } from "./primary-role";
import type { Viewer } from "./session";

/**
 * The app's own, audited write path for every admin capability (the auth
 * library's admin endpoints are closed: docs/decisions/0012). Each change
 * writes an audit entry in its transaction.
 */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  /** the broadest role held (display) */
  role: Role | null;
  assignments: { role: Role; unitCode: string; unitPath: string }[];
  disabled: boolean;
  managedProjects: { slug: string; nameEn: string; nameZh: string | null }[];
}

/** Every user with assignments, state and managed projects (admin page). */
export async function listUsers(): Promise<UserRow[]> {
  const prisma = await db();
  const users = await prisma.user.findMany({
    // service tokens' accounts are managed on /admin/tokens, not as people
    where: { apiTokens: { none: { kind: "SERVICE" } } },
    orderBy: { email: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      banned: true,
      roleAssignments: { select: { role: true, unit: { select: { code: true, path: true } } }, orderBy: [{ unit: { path: "asc" } }, { role: "asc" }] },
      managedProjects: { select: { project: { select: { slug: true, nameEn: true, nameZh: true } } } },
    },
  });
  return users.map((u) => {
    const assignments = u.roleAssignments.flatMap((a) => (isRole(a.role) ? [{ role: a.role, unitCode: a.unit.code, unitPath: a.unit.path }] : []));
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      role: primaryRole(assignments),
      assignments,
      disabled: !!u.banned,
      managedProjects: u.managedProjects.map((m) => m.project).sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
    };
  });
}

function notSelf(viewer: Viewer, userId: string, what: "changeRole" | "disable") {
  // An admin who demotes or disables themselves could leave nobody able to undo it.
  if (viewer.id === userId) throw new AppError("BAD_REQUEST", { key: "notOwnAccount", params: { action: what } });
}

async function rootUnit(tx: Parameters<Parameters<typeof mutate>[0]["run"]>[0]["tx"]) {
  const root = await tx.orgUnit.findFirst({ where: { parentId: null }, select: { id: true, code: true, path: true } });
  if (!root) throw new Error("the organization tree has no root");
  return root;
}

/**
 * Sets a user's group-level role (their role on the root unit) to exactly
 * `role`; roles on other units stay. Group admins only.
 */
export function setUserRole({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ id: string; role: Role }>> {
  return mutate({
    name: "setUserRole",
    schema: setRoleSchema,
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      const root = await rootUnit(tx);
      assertCovers(viewer, "user:manage", root.path);
      notSelf(viewer, input.userId, "changeRole");
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw new AppError("NOT_FOUND", "noSuchUser");
      const before = await tx.roleAssignment.findMany({ where: { userId: user.id, unitId: root.id }, select: { role: true } });
      await tx.roleAssignment.deleteMany({ where: { userId: user.id, unitId: root.id } });
      await tx.roleAssignment.create({ data: { userId: user.id, unitId: root.id, role: input.role, assignedById: viewer.id } });
      // A manager's project assignments mean nothing once the user holds no manager role anywhere.
      if (!(await tx.roleAssignment.count({ where: { userId: user.id, role: "manager" } }))) await tx.projectManager.deleteMany({ where: { userId: user.id } });
      await recordAudit(tx, viewer, {
        action: "user.role.set",
        entityType: "User",
        entityId: user.id,
        before: { unit: root.code, roles: before.map((b) => b.role) },
        after: { unit: root.code, roles: [input.role] },
        reason: input.reason,
      });
      return { id: user.id, role: input.role };
    },
  });
}

/** Disables (or re-enables) a user; disabling ends their sessions at once. Group admins only. */
export function setUserDisabled({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ id: string; disabled: boolean }>> {
  return mutate({
    name: "setUserDisabled",
    schema: setDisabledSchema,
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      assertCovers(viewer, "user:manage", (await rootUnit(tx)).path);
      notSelf(viewer, input.userId, "disable");
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { banned: true } });
      if (!user) throw new AppError("NOT_FOUND", "noSuchUser");
      await tx.user.update({
        where: { id: input.userId },
        data: { banned: input.disabled, banReason: input.disabled ? `Disabled by ${viewer.email}` : null },
      });
      if (input.disabled) await tx.session.deleteMany({ where: { userId: input.userId } });
      await recordAudit(tx, viewer, {
        action: input.disabled ? "user.disable" : "user.enable",
        entityType: "User",
        entityId: input.userId,
        before: { disabled: !!user.banned },
        after: { disabled: input.disabled },
        reason: input.reason,
      });
      return { id: input.userId, disabled: input.disabled };
    },
  });
}

/**
 * Assigns (or unassigns) a manager to a project. The caller's grant must
 * cover the project's unit, and the user must hold the manager role on a unit
 * containing it.
 */
export function setManagerAssignment({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ assigned: boolean }>> {
  return mutate({
    name: "setManagerAssignment",
    schema: managerAssignmentSchema,
    input,
    viewer,
    permission: "project:assign-manager",
    run: async ({ tx, viewer, input }) => {
      const [user, project] = await Promise.all([
        tx.user.findUnique({
          where: { id: input.userId },
          select: { id: true, roleAssignments: { where: { role: "manager" }, select: { unit: { select: { path: true } } } } },
        }),
        tx.project.findFirst({
          where: { AND: [{ slug: input.projectSlug }, projectReadScope(viewer)] },
          select: { id: true, orgUnit: { select: { path: true } } },
        }),
      ]);
      if (!user) throw new AppError("NOT_FOUND", "noSuchUser");
      if (!project) throw new AppError("NOT_FOUND", { key: "noProjectWithSlug", params: { slug: input.projectSlug } });
      assertCovers(viewer, "project:assign-manager", project.orgUnit.path);
      const managesHere = user.roleAssignments.some((a) => isWithin(project.orgUnit.path, a.unit.path));
      if (input.assigned && !managesHere) throw new AppError("BAD_REQUEST", "managerRoleOnUnit");
      const key = { projectId_userId: { projectId: project.id, userId: input.userId } };
      const existing = await tx.projectManager.findUnique({ where: key, select: { userId: true } });
      if (input.assigned === !!existing) return { assigned: input.assigned };
      if (input.assigned) await tx.projectManager.create({ data: { projectId: project.id, userId: input.userId, assignedById: viewer.id } });
      else await tx.projectManager.delete({ where: key });
      await recordAudit(tx, viewer, {
        action: input.assigned ? "project.manager.assign" : "project.manager.unassign",
        entityType: "Project",
        entityId: input.projectSlug,
        before: { manager: existing ? input.userId : null },
        after: { manager: input.assigned ? input.userId : null },
        reason: input.reason,
      });
      return { assigned: input.assigned };
    },
  });
}

/**
 * Sets a new password for a user (an admin's reset) and ends every session
 * of theirs, so whoever knew the old password is signed out everywhere.
 * Group admins only. The hash (~170 ms) is computed before the transaction.
 */
export async function resetUserPassword({
  viewer,
  input,
}: {
  viewer: Viewer | null;
  input: unknown;
}): Promise<MutationResult<{ id: string; sessionsEnded: number }>> {
  const parsed = resetPasswordSchema.safeParse(input);
  const hash = parsed.success ? await hashPassword(parsed.data.password) : "";
  return mutate({
    name: "resetUserPassword",
    schema: resetPasswordSchema,
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      assertCovers(viewer, "user:manage", (await rootUnit(tx)).path);
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!user) throw new AppError("NOT_FOUND", "noSuchUser");
      const { count } = await tx.account.updateMany({ where: { userId: user.id, providerId: "credential" }, data: { password: hash } });
      if (!count) throw new AppError("BAD_REQUEST", "noPasswordSignIn");
      const ended = await tx.session.deleteMany({ where: { userId: user.id } });
      // The password itself is never recorded, only that it changed.
      await recordAudit(tx, viewer, {
        action: "user.password.reset",
        entityType: "User",
        entityId: user.id,
        before: null,
        after: { sessionsEnded: ended.count },
        reason: input.reason,
      });
      return { id: user.id, sessionsEnded: ended.count };
    },
  });
}

/**
 * Creates a user who signs in with a password, holding one role on one unit
 * (default: the group). The caller's user:manage must cover that unit.
 */
export async function createUser({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ id: string; email: string }>> {
  const parsed = createUserSchema.safeParse(input);
  const hash = parsed.success ? await hashPassword(parsed.data.password) : "";
  return mutate({
    name: "createUser",
    schema: createUserSchema.refine((u) => displayNameSchema.safeParse(u.name).success, {
      path: ["name"],
      message: "A name cannot hold control or text-direction characters.",
    }),
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      const unit = input.unitCode
        ? await tx.orgUnit.findUnique({ where: { code: input.unitCode }, select: { id: true, code: true, path: true, archivedAt: true } })
        : await tx.orgUnit.findFirst({ where: { parentId: null }, select: { id: true, code: true, path: true, archivedAt: true } });
      if (!unit) throw new AppError("NOT_FOUND", { key: "noUnitWithCode", params: { code: input.unitCode ?? "" } }, { unitCode: "noSuchUnit" });
      assertCovers(viewer, "user:manage", unit.path);
      if (unit.archivedAt) throw new AppError("BAD_REQUEST", "archivedNoAssignments", { unitCode: "unitArchived" });
      if (await tx.user.count({ where: { email: input.email } }))
        throw new AppError("CONFLICT", { key: "userEmailTaken", params: { email: input.email } }, { email: "emailTaken" });
      const id = randomUUID();
      await tx.user.create({ data: { id, email: input.email, name: input.name, emailVerified: true } });
      await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
      await tx.roleAssignment.create({ data: { userId: id, unitId: unit.id, role: input.role, assignedById: viewer.id } });
      await recordAudit(tx, viewer, {
        action: "user.create",
        entityType: "User",
        entityId: id,
        before: null,
        after: { email: input.email, name: input.name, role: input.role, unit: unit.code },
        reason: input.reason,
      });
      return { id, email: input.email };
    },
  });
}
