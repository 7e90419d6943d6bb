import type { PrismaClient } from "./generated/client";
import type { SeedOrgUnit } from "./seed-types";
import { childPath, isUnitCode } from "../org/org-path";

/**
 * Creates the seed's organization units that do not exist yet (by code),
 * parents first; existing units are left as they are (an admin may have
 * renamed or moved them). Returns every unit's id by code.
 */
export async function ensureOrgUnits(prisma: PrismaClient, units: readonly SeedOrgUnit[] = []): Promise<Map<string, string>> {
  const existing = await prisma.orgUnit.findMany({ select: { id: true, code: true, path: true } });
  const byCode = new Map(existing.map((u) => [u.code, u]));
  for (const u of units) {
    if (byCode.has(u.code)) continue;
    if (!isUnitCode(u.code)) throw new Error(`org unit code "${u.code}" is not valid (A-Z, 0-9, -)`);
    const parent = u.parentCode === null ? null : byCode.get(u.parentCode);
    if (u.parentCode !== null && !parent) throw new Error(`org unit ${u.code}: parent ${u.parentCode} is not defined before it`);
    const created = await prisma.orgUnit.create({
      data: {
        ...(u.id ? { id: u.id } : {}),
        code: u.code,
        nameEn: u.nameEn,
        nameZh: u.nameZh ?? null,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, u.code),
        currency: u.currency,
      },
      select: { id: true, code: true, path: true },
    });
    byCode.set(u.code, created);
  }
  return new Map([...byCode].map(([code, u]) => [code, u.id]));
}

/** The root unit's id (the migration creates it). */
export async function rootUnitId(prisma: PrismaClient): Promise<string> {
  const root = await prisma.orgUnit.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!root) throw new Error("the organization tree has no root unit (run the migrations)");
  return root.id;
}
