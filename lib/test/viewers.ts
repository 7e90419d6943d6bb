import { randomUUID } from "node:crypto";
import { isRole } from "../auth/permissions";
import type { Viewer, ViewerAssignment } from "../auth/session";
import { primaryRole } from "../auth/primary-role";
import type { PrismaClient } from "../db/generated/client";

/**
 * A user row (no password: these tests call the data layer, not the sign-in)
 * and its Viewer. The role is held on `unitCode` (default: the group, the
 * root), as a role assignment; an unknown role string is stored on the user
 * row only, where the app never reads it.
 */
export async function createViewer(prisma: PrismaClient, role: string | null, name = `${role ?? "norole"} user`, unitCode?: string): Promise<Viewer> {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name, email: `${id}@test.local`, role } });
  if (isRole(role)) {
    const unit = unitCode
      ? await prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } })
      : await prisma.orgUnit.findFirstOrThrow({ where: { parentId: null }, select: { id: true } });
    await prisma.roleAssignment.create({ data: { userId: id, unitId: unit.id, role } });
  }
  return { id, name, email: `${id}@test.local`, lastSeenAt: null, locale: null, ...(await viewerAssignments(prisma, id)) };
}

/** Gives an existing test viewer one more role on a unit; returns the viewer as it now is. */
export async function addAssignment(prisma: PrismaClient, viewer: Viewer, role: string, unitCode: string): Promise<Viewer> {
  if (!isRole(role)) throw new Error(`unknown role ${role}`);
  const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode }, select: { id: true } });
  await prisma.roleAssignment.create({ data: { userId: viewer.id, unitId: unit.id, role } });
  return refreshViewer(prisma, viewer);
}

/** The viewer with its assignments read again (as the next request would load them). */
export async function refreshViewer(prisma: PrismaClient, viewer: Viewer): Promise<Viewer> {
  return { ...viewer, ...(await viewerAssignments(prisma, viewer.id)) };
}

async function viewerAssignments(prisma: PrismaClient, userId: string): Promise<{ assignments: ViewerAssignment[]; role: Viewer["role"] }> {
  const rows = await prisma.roleAssignment.findMany({ where: { userId }, select: { role: true, unit: { select: { id: true, code: true, path: true } } } });
  const assignments = rows.map((r) => ({ role: r.role, unitId: r.unit.id, unitCode: r.unit.code, unitPath: r.unit.path }));
  return { assignments, role: primaryRole(assignments) };
}

export async function assignManager(prisma: PrismaClient, viewer: Viewer, slug: string): Promise<void> {
  const project = await prisma.project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await prisma.projectManager.create({ data: { projectId: project.id, userId: viewer.id } });
}
