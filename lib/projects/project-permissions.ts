import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { projectReadScope } from "./project-scope";

/**
 * Why a reader may not update a project, so the page can say so rather than
 * silently showing no controls: "signedOut" (public reading), "notManager"
 * (their role edits the projects they manage, and this is not one of them),
 * "role" (their role reads only).
 */
export type ReadOnlyReason = "signedOut" | "notManager" | "role";

export interface ProjectPermissions {
  canUpdate: boolean;
  canCreateMilestone: boolean;
  canUpdateMilestone: boolean;
  canRebaseline: boolean;
  /** set when canUpdate is false: why, and who manages the project (the people to ask) */
  readOnly?: { reason: ReadOnlyReason; managers: string[] };
}

const NONE: ProjectPermissions = { canUpdate: false, canCreateMilestone: false, canUpdateMilestone: false, canRebaseline: false };

/** What the viewer may do on a project, for showing or hiding controls. The server checks again on every write. */
export async function getProjectPermissions({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectPermissions> {
  const prisma = await db();
  const project = await prisma.project.findFirst({
    where: { AND: [{ slug }, projectReadScope(viewer)] },
    select: {
      orgUnit: { select: { path: true } },
      // Every current manager, by name: who the reader can ask (disabled accounts are nobody to ask).
      managers: {
        where: { user: { OR: [{ banned: false }, { banned: null }] } },
        select: { userId: true, user: { select: { name: true } } },
        orderBy: { assignedAt: "asc" },
      },
    },
  });
  if (!project) return NONE;
  const managers = project.managers.map((m) => m.user.name);
  if (!viewer?.assignments.length) return { ...NONE, readOnly: { reason: viewer ? "role" : "signedOut", managers } };
  const managedByViewer = project.managers.some((m) => m.userId === viewer.id);
  const scope = { managedByViewer, unitPath: project.orgUnit.path };
  const canUpdate = can(viewer, "project:update", scope);
  const permissions: ProjectPermissions = {
    canUpdate,
    canCreateMilestone: can(viewer, "milestone:create", scope),
    canUpdateMilestone: can(viewer, "milestone:update", scope),
    canRebaseline: can(viewer, "milestone:rebaseline", scope),
  };
  if (canUpdate) return permissions;
  // Would managing it let them? Then they are a manager of other projects, not of this one.
  const reason: ReadOnlyReason = can(viewer, "project:update", { ...scope, managedByViewer: true }) ? "notManager" : "role";
  return { ...permissions, readOnly: { reason, managers } };
}
