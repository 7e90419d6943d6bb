import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";

export interface RiskGatePermissions {
  canEditRisks: boolean;
  canReviewGates: boolean;
  canDecideGates: boolean;
  canUpdateConditions: boolean;
  canUpload: boolean;
}

/** What the viewer may do with a project's risks, gates and documents: for showing controls. The server checks again on every write. */
export async function getRiskGatePermissions({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<RiskGatePermissions> {
  const managedByViewer = viewer?.role === "manager" && (await (await db()).projectManager.count({ where: { userId: viewer.id, project: { slug } } })) > 0;
  const scope = { managedByViewer };
  return {
    canEditRisks: can(viewer, "risk:edit", scope),
    canReviewGates: can(viewer, "gate:review", scope),
    canDecideGates: can(viewer, "gate:decide", scope),
    canUpdateConditions: can(viewer, "gate:condition", scope),
    canUpload: can(viewer, "document:upload", scope),
  };
}

/** People who can own a risk, an action or a condition, or approve a gate: active users. */
export async function listPeople(): Promise<{ id: string; name: string }[]> {
  const prisma = await db();
  return prisma.user.findMany({ where: { banned: { not: true } }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}
