import { randomUUID } from "node:crypto";
import type { Viewer } from "../auth/session";
import type { PrismaClient } from "../db/generated/client";

/** A user row (no password: these tests call the data layer, not the sign-in) and its Viewer. */
export async function createViewer(prisma: PrismaClient, role: string | null, name = `${role ?? "norole"} user`): Promise<Viewer> {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name, email: `${id}@test.local`, role } });
  return { id, name, email: `${id}@test.local`, role: role as Viewer["role"], lastSeenAt: null, locale: null };
}

export async function assignManager(prisma: PrismaClient, viewer: Viewer, slug: string): Promise<void> {
  const project = await prisma.project.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await prisma.projectManager.create({ data: { projectId: project.id, userId: viewer.id } });
}
