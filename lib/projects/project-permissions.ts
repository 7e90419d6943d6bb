import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { projectReadScope } from "./project-scope";

export interface ProjectPermissions {
  canUpdate: boolean;
  canCreateMilestone: boolean;
  canUpdateMilestone: boolean;
  canRebaseline: boolean;
}

const NONE: ProjectPermissions = { canUpdate: false, canCreateMilestone: false, canUpdateMilestone: false, canRebaseline: false };

/** What the viewer may do on a project, for showing or hiding controls. The server checks again on every write. */
export async function getProjectPermissions({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectPermissions> {
  if (!viewer?.assignments.length) return NONE;
  const prisma = await db();
  const project = await prisma.project.findFirst({
    where: { AND: [{ slug }, projectReadScope(viewer)] },
    select: { orgUnit: { select: { path: true } }, managers: { where: { userId: viewer.id }, select: { userId: true } } },
  });
  if (!project) return NONE;
  const scope = { managedByViewer: project.managers.length > 0, unitPath: project.orgUnit.path };
  return {
    canUpdate: can(viewer, "project:update", scope),
    canCreateMilestone: can(viewer, "milestone:create", scope),
    canUpdateMilestone: can(viewer, "milestone:update", scope),
    canRebaseline: can(viewer, "milestone:rebaseline", scope),
  };
}
