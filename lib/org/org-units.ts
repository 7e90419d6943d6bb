import "server-only";
import { db } from "../db/client";
import { depthOf } from "./org-path";

export interface OrgUnitNode {
  id: string;
  code: string;
  nameEn: string;
  nameZh: string | null;
  parentCode: string | null;
  path: string;
  depth: number;
  currency: string;
  archived: boolean;
  version: number;
  /** projects owned by this unit itself (not its subtree) */
  projectCount: number;
}

/** Every unit, in tree order (a parent before its children, siblings by code). */
export async function listOrgUnits({ includeArchived = true }: { includeArchived?: boolean } = {}): Promise<OrgUnitNode[]> {
  const prisma = await db();
  const units = await prisma.orgUnit.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: { path: "asc" },
    select: {
      id: true,
      code: true,
      nameEn: true,
      nameZh: true,
      path: true,
      currency: true,
      archivedAt: true,
      version: true,
      parent: { select: { code: true } },
      _count: { select: { projects: true } },
    },
  });
  return units.map((u) => ({
    id: u.id,
    code: u.code,
    nameEn: u.nameEn,
    nameZh: u.nameZh,
    parentCode: u.parent?.code ?? null,
    path: u.path,
    depth: depthOf(u.path),
    currency: u.currency,
    archived: u.archivedAt !== null,
    version: u.version,
    projectCount: u._count.projects,
  }));
}

/** The units a reader's scope starts from (their assignments' units), for "which scope the dashboard shows". */
export async function describeUnits(codes: readonly string[]): Promise<{ code: string; nameEn: string; nameZh: string | null }[]> {
  if (!codes.length) return [];
  const prisma = await db();
  return prisma.orgUnit.findMany({ where: { code: { in: [...codes] } }, orderBy: { path: "asc" }, select: { code: true, nameEn: true, nameZh: true } });
}

export type ReaderScopeDescription = { kind: "all" } | { kind: "none" } | { kind: "units"; units: { code: string; nameEn: string; nameZh: string | null }[] };

/** Which part of the group a reader's scope covers, for the dashboard to say so. */
export async function describeReadScope(scope: { all: true } | { all: false; paths: string[] }): Promise<ReaderScopeDescription> {
  if (scope.all) return { kind: "all" };
  if (!scope.paths.length) return { kind: "none" };
  const codes = scope.paths.map((p) => p.split("/").filter(Boolean).pop()!);
  return { kind: "units", units: await describeUnits(codes) };
}
