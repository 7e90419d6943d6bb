import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

/**
 * Finds a project the viewer may change: the permission scope is part of the
 * query. A project that exists but is not the manager's is FORBIDDEN (the
 * project is public to readers, so 404 would hide nothing).
 */
export async function findWritableProject<S extends Prisma.ProjectSelect>(
  tx: Prisma.TransactionClient,
  { slug, viewer, grant, select }: { slug: string; viewer: Viewer; grant: true | "assigned"; select: S },
): Promise<Prisma.ProjectGetPayload<{ select: S }>> {
  const scope: Prisma.ProjectWhereInput = grant === "assigned" ? { managers: { some: { userId: viewer.id } } } : {};
  const project = await tx.project.findFirst({ where: { slug, ...scope }, select });
  if (project) return project;
  const exists = await tx.project.count({ where: { slug } });
  if (!exists) throw new AppError("NOT_FOUND", `No project with slug "${slug}".`);
  throw new AppError("FORBIDDEN", "You are not a manager of this project.");
}
