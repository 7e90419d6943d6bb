import type { Prisma, PrismaClient } from "../db/generated/client";
import { isRole } from "./permissions";
import type { ViewerAssignment } from "./session";

/** A user's role assignments with their units' current paths (the session and personal API tokens share it). */
export async function loadAssignmentsWith(prisma: PrismaClient | Prisma.TransactionClient, userId: string): Promise<ViewerAssignment[]> {
  const rows = await prisma.roleAssignment.findMany({
    where: { userId },
    select: { role: true, unit: { select: { id: true, code: true, path: true } } },
    orderBy: [{ unit: { path: "asc" } }, { role: "asc" }],
  });
  return rows.flatMap((r) => (isRole(r.role) ? [{ role: r.role, unitId: r.unit.id, unitCode: r.unit.code, unitPath: r.unit.path }] : []));
}
