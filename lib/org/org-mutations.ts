import "server-only";
import { recordAudit } from "../audit/record-audit";
import { grantPaths, type Permission } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { projectReadScope } from "../projects/project-scope";
import { mutate, type MutationResult } from "../server/mutation";
import { childPath, isWithin } from "./org-path";
import { archiveUnitSchema, createUnitSchema, moveProjectsSchema, moveUnitSchema, renameUnitSchema, roleAssignmentSchema } from "./org.validation";

/**
 * Changes to the organization tree and to role assignments. Each runs through
 * mutate() (schema → permission → one transaction) and writes an audit entry
 * in the same transaction. A role grants within the units it is held on, so
 * an admin of a subsidiary manages that subsidiary's subtree only; the root
 * itself is managed by group admins.
 */

type Tx = Prisma.TransactionClient;

/** The permission must be held outright on a unit containing `path`. */
export function assertCovers(viewer: Viewer, permission: Permission, path: string): void {
  if (!grantPaths(viewer, permission).full.some((p) => isWithin(path, p))) throw new AppError("FORBIDDEN", "unitNotCovered");
}

const unitSelect = { id: true, code: true, nameEn: true, nameZh: true, parentId: true, path: true, currency: true, archivedAt: true, version: true } as const;

async function findUnit(tx: Tx, code: string) {
  const unit = await tx.orgUnit.findUnique({ where: { code }, select: unitSelect });
  if (!unit) throw new AppError("NOT_FOUND", { key: "noUnitWithCode", params: { code: code } }, { code: "noSuchUnit" });
  return unit;
}

function snapshot(u: { code: string; nameEn: string; nameZh: string | null; path: string; currency: string; archivedAt: Date | null }) {
  return { code: u.code, nameEn: u.nameEn, nameZh: u.nameZh, path: u.path, currency: u.currency, archived: u.archivedAt !== null };
}

function conflict(current: { version: number }): never {
  throw new AppError("CONFLICT", "unitChanged", undefined, { version: current.version });
}

export function createOrgUnit({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ code: string; path: string }>> {
  return mutate({
    name: "createOrgUnit",
    schema: createUnitSchema,
    input,
    viewer,
    permission: "org:manage",
    run: async ({ tx, viewer, input }) => {
      const parent = await findUnit(tx, input.parentCode);
      assertCovers(viewer, "org:manage", parent.path);
      if (parent.archivedAt) throw new AppError("BAD_REQUEST", "archivedNoUnits", { parentCode: "unitArchived" });
      if (await tx.orgUnit.count({ where: { code: input.code } }))
        throw new AppError("CONFLICT", { key: "unitCodeExists", params: { code: input.code } }, { code: "codeTaken" });
      const unit = await tx.orgUnit.create({
        data: {
          code: input.code,
          nameEn: input.nameEn,
          nameZh: input.nameZh ?? null,
          parentId: parent.id,
          path: childPath(parent.path, input.code),
          currency: input.currency,
        },
        select: unitSelect,
      });
      await recordAudit(tx, viewer, {
        action: "org.unit.create",
        entityType: "OrgUnit",
        entityId: unit.code,
        before: null,
        after: snapshot(unit),
        reason: input.reason,
      });
      return { code: unit.code, path: unit.path };
    },
  });
}

export function renameOrgUnit({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ code: string; version: number }>> {
  return mutate({
    name: "renameOrgUnit",
    schema: renameUnitSchema,
    input,
    viewer,
    permission: "org:manage",
    run: async ({ tx, viewer, input }) => {
      const unit = await findUnit(tx, input.code);
      assertCovers(viewer, "org:manage", unit.path);
      const { count } = await tx.orgUnit.updateMany({
        where: { id: unit.id, version: input.version },
        data: { nameEn: input.nameEn, nameZh: input.nameZh ?? null, version: { increment: 1 } },
      });
      if (!count) conflict(unit);
      const after = { ...unit, nameEn: input.nameEn, nameZh: input.nameZh ?? null };
      await recordAudit(tx, viewer, {
        action: "org.unit.rename",
        entityType: "OrgUnit",
        entityId: unit.code,
        before: snapshot(unit),
        after: snapshot(after),
        reason: input.reason,
      });
      return { code: unit.code, version: unit.version + 1 };
    },
  });
}

/**
 * Moves a unit (and its subtree) under another parent: one statement rewrites
 * the subtree's paths. A unit cannot move under itself or its own
 * descendants (that would make a cycle), nor can the root move.
 */
export function moveOrgUnit({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ code: string; path: string }>> {
  return mutate({
    name: "moveOrgUnit",
    schema: moveUnitSchema,
    input,
    viewer,
    permission: "org:manage",
    run: async ({ tx, viewer, input }) => {
      const unit = await findUnit(tx, input.code);
      if (!unit.parentId) throw new AppError("BAD_REQUEST", "rootCannotMove", { code: "rootCannotMoveShort" });
      const parent = await findUnit(tx, input.parentCode);
      if (isWithin(parent.path, unit.path))
        throw new AppError(
          "BAD_REQUEST",
          { key: "unitMoveCycle", params: { unit: unit.code, parent: parent.code } },
          {
            parentCode: "unitMoveCycleField",
          },
        );
      assertCovers(viewer, "org:manage", unit.path);
      assertCovers(viewer, "org:manage", parent.path);
      if (parent.archivedAt) throw new AppError("BAD_REQUEST", "archivedNoUnits", { parentCode: "unitArchived" });
      if (unit.version !== input.version) conflict(unit);
      if (parent.id === unit.parentId) throw new AppError("BAD_REQUEST", "unitAlreadyThere", { parentCode: "chooseAnotherParent" });
      const newPath = childPath(parent.path, unit.code);
      const { count } = await tx.orgUnit.updateMany({
        where: { id: unit.id, version: input.version },
        data: { parentId: parent.id, version: { increment: 1 } },
      });
      if (!count) conflict(unit);
      // The whole subtree in one statement; the unit codes hold no LIKE wildcards.
      const moved = await tx.$executeRaw`
        UPDATE "OrgUnit" SET "path" = ${newPath} || substr("path", ${unit.path.length + 1}), "updatedAt" = now()
        WHERE "path" LIKE ${`${unit.path}%`}`;
      await recordAudit(tx, viewer, {
        action: "org.unit.move",
        entityType: "OrgUnit",
        entityId: unit.code,
        before: { path: unit.path, parentCode: (await tx.orgUnit.findUnique({ where: { id: unit.parentId }, select: { code: true } }))?.code ?? null },
        after: { path: newPath, parentCode: parent.code, unitsMoved: moved },
        reason: input.reason,
      });
      return { code: unit.code, path: newPath };
    },
  });
}

/** Archives (or restores) a unit. Its projects stay where they are and stay readable; it takes no new projects, units or assignments. */
export function archiveOrgUnit({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ code: string; archived: boolean }>> {
  return mutate({
    name: "archiveOrgUnit",
    schema: archiveUnitSchema,
    input,
    viewer,
    permission: "org:manage",
    run: async ({ tx, viewer, input }) => {
      const unit = await findUnit(tx, input.code);
      if (!unit.parentId) throw new AppError("BAD_REQUEST", "rootCannotArchive", { code: "rootCannotArchiveShort" });
      assertCovers(viewer, "org:manage", unit.path);
      if (input.archived && (await tx.orgUnit.count({ where: { parentId: unit.id, archivedAt: null } })))
        throw new AppError("BAD_REQUEST", "archiveChildrenFirst", { code: "unitHasActiveUnits" });
      const { count } = await tx.orgUnit.updateMany({
        where: { id: unit.id, version: input.version },
        data: { archivedAt: input.archived ? new Date() : null, version: { increment: 1 } },
      });
      if (!count) conflict(unit);
      await recordAudit(tx, viewer, {
        action: input.archived ? "org.unit.archive" : "org.unit.restore",
        entityType: "OrgUnit",
        entityId: unit.code,
        before: { archived: unit.archivedAt !== null },
        after: { archived: input.archived },
        reason: input.reason,
      });
      return { code: unit.code, archived: input.archived };
    },
  });
}

/** Moves projects to another owning unit: the caller must cover each project's unit and the target. */
export function moveProjectsToUnit({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ moved: number }>> {
  return mutate({
    name: "moveProjectsToUnit",
    schema: moveProjectsSchema,
    input,
    viewer,
    permission: "org:manage",
    run: async ({ tx, viewer, input }) => {
      // Projects first: one outside the caller's read scope is NOT_FOUND, like an unknown one.
      const slugs = [...new Set(input.slugs)];
      const projects = await tx.project.findMany({
        where: { AND: [{ slug: { in: slugs } }, projectReadScope(viewer)] },
        select: { id: true, slug: true, orgUnit: { select: { code: true, path: true } } },
      });
      const missing = slugs.filter((s) => !projects.some((p) => p.slug === s));
      if (missing.length)
        throw new AppError(
          "NOT_FOUND",
          { key: "noProjectWithSlug", params: { slug: missing[0] } },
          { slugs: { key: "unknownProjects", params: { slugs: missing.join(", ") } } },
        );
      const target = await findUnit(tx, input.toCode);
      assertCovers(viewer, "org:manage", target.path);
      if (target.archivedAt) throw new AppError("BAD_REQUEST", "archivedNoProjects", { toCode: "unitArchived" });
      for (const p of projects) assertCovers(viewer, "org:manage", p.orgUnit.path);
      const moving = projects.filter((p) => p.orgUnit.code !== target.code);
      if (!moving.length) return { moved: 0 };
      // updatedAt moves: the dashboard's data version (lib/dashboard/data-version.ts) sees the change.
      await tx.project.updateMany({ where: { id: { in: moving.map((p) => p.id) } }, data: { orgUnitId: target.id, version: { increment: 1 } } });
      for (const p of moving)
        await recordAudit(tx, viewer, {
          action: "project.org.move",
          entityType: "Project",
          entityId: p.slug,
          before: { orgUnit: p.orgUnit.code },
          after: { orgUnit: target.code },
          reason: input.reason,
        });
      return { moved: moving.length };
    },
  });
}

/** Gives or takes one role on one unit. An admin cannot take their own admin role (nobody might be left to undo it). */
export function setRoleAssignment({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ assigned: boolean }>> {
  return mutate({
    name: "setRoleAssignment",
    schema: roleAssignmentSchema,
    input,
    viewer,
    permission: "user:manage",
    run: async ({ tx, viewer, input }) => {
      const unit = await findUnit(tx, input.unitCode);
      assertCovers(viewer, "user:manage", unit.path);
      if (input.userId === viewer.id && input.role === "admin" && !input.assigned) throw new AppError("BAD_REQUEST", "ownAdminRole");
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
      if (!user) throw new AppError("NOT_FOUND", "noSuchUser");
      const key = { userId_unitId_role: { userId: user.id, unitId: unit.id, role: input.role } };
      const existing = await tx.roleAssignment.findUnique({ where: key, select: { id: true } });
      if (input.assigned === !!existing) return { assigned: input.assigned }; // nothing to change, nothing to record
      if (input.assigned) {
        if (unit.archivedAt) throw new AppError("BAD_REQUEST", "archivedNoAssignments", { unitCode: "unitArchived" });
        await tx.roleAssignment.create({ data: { userId: user.id, unitId: unit.id, role: input.role, assignedById: viewer.id } });
      } else await tx.roleAssignment.delete({ where: key });
      await recordAudit(tx, viewer, {
        action: input.assigned ? "user.role.assign" : "user.role.unassign",
        entityType: "User",
        entityId: user.id,
        before: input.assigned ? null : { role: input.role, unit: unit.code },
        after: input.assigned ? { role: input.role, unit: unit.code } : null,
        reason: input.reason,
      });
      return { assigned: input.assigned };
    },
  });
}
