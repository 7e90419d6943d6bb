import "server-only";
import { db } from "../db/client";
import { AppError } from "../errors";
import { mutate, type MutationResult } from "../server/mutation";
import { managerAssignmentSchema, setDisabledSchema, setRoleSchema } from "./admin-users.validation";
import { isRole, type Role } from "./permissions";
import type { Viewer } from "./session";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role | null;
  disabled: boolean;
  managedProjects: { slug: string; nameEn: string; nameZh: string | null }[];
}

/** Every user with role, state and managed projects (admin page). */
export async function listUsers(): Promise<UserRow[]> {
  const prisma = await db();
  const users = await prisma.user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, name: true, email: true, role: true, banned: true, managedProjects: { select: { project: { select: { slug: true, nameEn: true, nameZh: true } } } } },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: isRole(u.role) ? u.role : null,
    disabled: !!u.banned,
    managedProjects: u.managedProjects.map((m) => m.project).sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
  }));
}

function notSelf(viewer: Viewer, userId: string, what: string) {
  // An admin who demotes or disables themselves could leave nobody able to undo it.
  if (viewer.id === userId) throw new AppError("BAD_REQUEST", `You cannot ${what} your own account.`);
}

export function setUserRole({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ id: string; role: Role }>> {
  return mutate({
    name: "setUserRole",
    schema: setRoleSchema,
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      notSelf(viewer, input.userId, "change the role of");
      const { count } = await tx.user.updateMany({ where: { id: input.userId }, data: { role: input.role } });
      if (!count) throw new AppError("NOT_FOUND", "No such user.");
      // A manager's assignments mean nothing under another role: drop them.
      if (input.role !== "manager") await tx.projectManager.deleteMany({ where: { userId: input.userId } });
      return { id: input.userId, role: input.role };
    },
  });
}

/** Disables (or re-enables) a user; disabling ends their sessions at once. */
export function setUserDisabled({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ id: string; disabled: boolean }>> {
  return mutate({
    name: "setUserDisabled",
    schema: setDisabledSchema,
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      notSelf(viewer, input.userId, "disable");
      const { count } = await tx.user.updateMany({
        where: { id: input.userId },
        data: { banned: input.disabled, banReason: input.disabled ? `Disabled by ${viewer.email}` : null },
      });
      if (!count) throw new AppError("NOT_FOUND", "No such user.");
      if (input.disabled) await tx.session.deleteMany({ where: { userId: input.userId } });
      return { id: input.userId, disabled: input.disabled };
    },
  });
}

export function setManagerAssignment({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ assigned: boolean }>> {
  return mutate({
    name: "setManagerAssignment",
    schema: managerAssignmentSchema,
    input,
    viewer,
    permission: "project:assign-manager",
    run: async ({ tx, viewer, input }) => {
      const [user, project] = await Promise.all([
        tx.user.findUnique({ where: { id: input.userId }, select: { role: true } }),
        tx.project.findUnique({ where: { slug: input.projectSlug }, select: { id: true } }),
      ]);
      if (!user) throw new AppError("NOT_FOUND", "No such user.");
      if (!project) throw new AppError("NOT_FOUND", `No project with slug "${input.projectSlug}".`);
      if (input.assigned && user.role !== "manager") throw new AppError("BAD_REQUEST", "Only users with the manager role can be assigned to projects.");
      if (input.assigned)
        await tx.projectManager.upsert({
          where: { projectId_userId: { projectId: project.id, userId: input.userId } },
          create: { projectId: project.id, userId: input.userId, assignedById: viewer.id },
          update: {},
        });
      else await tx.projectManager.deleteMany({ where: { projectId: project.id, userId: input.userId } });
      return { assigned: input.assigned };
    },
  });
}
