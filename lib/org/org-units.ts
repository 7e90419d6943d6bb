import "server-only";
import { db } from "../db/client";
import type { ReadScope } from "../projects/read-scope";
import type { UnitOption } from "../projects/types";
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

/**
 * The units a reader can filter by: those of their scope (a subsidiary's executive, that subsidiary's branch; a
 * group reader, the whole tree), not archived, in tree order. Not memoized: ~40 rows, and a unit renamed or added in
 * the admin must show at once.
 */
export async function unitsInScope(scope: ReadScope): Promise<UnitOption[]> {
  if (!scope.all && !scope.paths.length) return [];
  const prisma = await db();
  const units = await prisma.orgUnit.findMany({
    where: { archivedAt: null, ...(scope.all ? {} : { OR: scope.paths.map((path) => ({ path: { startsWith: path } })) }) },
    select: { code: true, path: true, nameEn: true, nameZh: true },
    orderBy: { path: "asc" },
  });
  return units.map((u) => ({ code: u.code, depth: depthOf(u.path), nameEn: u.nameEn, nameZh: u.nameZh }));
}
