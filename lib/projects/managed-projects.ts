import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { safeReturnPath } from "../auth/sign-in.validation";
import { projectReadScope } from "./project-scope";

/** Where a manager's work is: the table of the projects they manage. */
export const MY_PROJECTS_PATH = "/projects?mine=1";

/**
 * Where sign-in lands: the page the reader came from; from the front page (or
 * none), a manager lands on their projects, everyone else on the dashboard.
 * The front page is where the header's "Sign in" starts for most readers, so
 * it says nothing about where they want to be; a deeper page does.
 */
export async function landingPath({ userId, next }: { userId: string; next: string | undefined }): Promise<string> {
  const path = safeReturnPath(next);
  if (path !== "/") return path;
  const prisma = await db();
  const manages = await prisma.projectManager.findFirst({ where: { userId }, select: { projectId: true } });
  return manages ? MY_PROJECTS_PATH : "/";
}

/**
 * Whether the reader manages any project they may read: the projects page
 * offers "My projects" to them, and sign-in lands them there (their work).
 */
export async function managesProjects({ viewer }: { viewer: Viewer | null }): Promise<boolean> {
  if (!viewer) return false;
  const prisma = await db();
  const one = await prisma.projectManager.findFirst({ where: { userId: viewer.id, project: projectReadScope(viewer) }, select: { projectId: true } });
  return one !== null;
}

/** The managers of a project, by name: who to ask when the reader may not edit it. */
export async function listProjectManagers({ projectId }: { projectId: string }): Promise<{ name: string; email: string }[]> {
  const prisma = await db();
  const rows = await prisma.projectManager.findMany({
    where: { projectId, user: { OR: [{ banned: false }, { banned: null }] } },
    select: { user: { select: { name: true, email: true } } },
    orderBy: { assignedAt: "asc" },
  });
  return rows.map((r) => r.user);
}
