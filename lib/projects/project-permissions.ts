import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";

export interface ProjectPermissions {
  canUpdate: boolean;
  canCreateMilestone: boolean;
  canUpdateMilestone: boolean;
  canRebaseline: boolean;
}

const NONE: ProjectPermissions = { canUpdate: false, canCreateMilestone: false, canUpdateMilestone: false, canRebaseline: false };

/** What the viewer may do on a project, for showing or hiding controls. The server checks again on every write. */
export async function getProjectPermissions({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectPermissions> {
  if (!viewer?.role) return NONE;
  const managedByViewer =
    viewer.role === "manager" && (await (await db()).projectManager.count({ where: { userId: viewer.id, project: { slug } } })) > 0;
  const scope = { managedByViewer };
  return {
    canUpdate: can(viewer, "project:update", scope),
    canCreateMilestone: can(viewer, "milestone:create", scope),
    canUpdateMilestone: can(viewer, "milestone:update", scope),
    canRebaseline: can(viewer, "milestone:rebaseline", scope),
  };
}
