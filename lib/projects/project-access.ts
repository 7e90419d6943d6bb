import type { Permission } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { projectReadScope, projectWriteScope } from "./project-scope";

/**
 * Finds a project the viewer may change: the permission scope is part of the
 * query. A project outside the viewer's read scope is NOT_FOUND, exactly like
 * an unknown one; one the viewer may read but not change is FORBIDDEN.
 *
 * `permission`: the permission being exercised (mutate() passes it through
 * the context); `grant` is kept for callers written before the organization
 * tree and no longer widens anything on its own.
 */
export async function findWritableProject<S extends Prisma.ProjectSelect>(
  tx: Prisma.TransactionClient,
  {
    slug,
    viewer,
    grant,
    select,
    permission = (viewer as Viewer & { actingPermission?: Permission }).actingPermission ?? "project:update",
  }: { slug: string; viewer: Viewer; grant: true | "assigned"; select: S; permission?: Permission },
): Promise<Prisma.ProjectGetPayload<{ select: S }>> {
  void grant;
  const project = await tx.project.findFirst({ where: { AND: [{ slug }, projectWriteScope(viewer, permission)] }, select });
  if (project) return project;
  const readable = await tx.project.count({ where: { AND: [{ slug }, projectReadScope(viewer)] } });
  if (!readable) throw new AppError("NOT_FOUND", { key: "noProjectWithSlug", params: { slug: slug } });
  throw new AppError("FORBIDDEN", "mayNotChangeProject");
}
