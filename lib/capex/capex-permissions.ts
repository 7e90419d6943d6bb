import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";

export interface CapexPermissions {
  canEditCapex: boolean;
  canApprove: boolean;
  canEditKpis: boolean;
}

/** For showing or hiding the capex and KPI controls; the server checks again on every write. */
export async function getCapexPermissions({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<CapexPermissions> {
  if (!viewer?.role) return { canEditCapex: false, canApprove: false, canEditKpis: false };
  const managedByViewer = viewer.role === "manager" && (await (await db()).projectManager.count({ where: { userId: viewer.id, project: { slug } } })) > 0;
  const scope = { managedByViewer };
  return { canEditCapex: can(viewer, "capex:edit", scope), canApprove: can(viewer, "capex:approve", scope), canEditKpis: can(viewer, "kpi:edit", scope) };
}
