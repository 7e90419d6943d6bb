import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { displayNameSchema } from "../auth/display-name.validation";
import { grantPaths, ROLES, type Role } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { mutate, type MutationResult } from "../server/mutation";
import type { SheetRow } from "../sheets/sheet";
import { rowFields, USER_COLUMNS, type UserField } from "./columns";
import { importComment, summarize, userImportSchema, type ImportPlan, type RowPlan } from "./import-plan";
import { IMPORT_TRANSACTION_MS } from "./portfolio-import";
import { markDuplicates, type Checked, type ImportError } from "./portfolio-rows";

/**
 * Users from a sheet (email, name, role, unit), through the admin write path's
 * rules (lib/auth/admin-users.ts): user:manage covering the unit, never one's
 * own account, an audit entry per changed user. Keyed by email: a row states
 * the user's name and their one role on that unit (roles on other units stay).
 * A new user gets a password account nobody knows the password of: they sign
 * in once an admin resets it (or by single sign-on).
 */
export interface ParsedUser {
  row: number;
  email: string;
  name: string;
  role: Role;
  unit: string;
}

const email = z.string().trim().toLowerCase().email().max(320);

export function checkUserRow(r: SheetRow): Checked<ParsedUser> {
  const f = rowFields<UserField>(USER_COLUMNS, r.cells);
  const errors: ImportError[] = [];
  const e = email.safeParse(f.email);
  if (!f.email.trim()) errors.push({ code: "missingValue", field: "email" });
  else if (!e.success) errors.push({ code: "badEmail", field: "email", params: { value: f.email } });
  const name = displayNameSchema.safeParse(f.name);
  if (!f.name.trim()) errors.push({ code: "missingValue", field: "name" });
  else if (!name.success) errors.push({ code: "badText", field: "name" });
  const role = f.role.trim().toLowerCase();
  if (!role) errors.push({ code: "missingValue", field: "role" });
  else if (!(ROLES as readonly string[]).includes(role))
    errors.push({ code: "unknownRole", field: "role", params: { value: f.role, allowed: ROLES.join(", ") } });
  const unit = f.unit.trim().toUpperCase();
  if (!unit) errors.push({ code: "missingValue", field: "unit" });
  const key = e.success ? e.data : f.email.trim();
  if (errors.length) return { row: r.row, key, errors, parsed: null };
  return { row: r.row, key, errors, parsed: { row: r.row, email: e.data!, name: name.data!, role: role as Role, unit } };
}

interface UserTarget {
  parsed: ParsedUser;
  unitId: string;
  existing: { id: string; name: string; roles: Role[] } | null;
}

async function plan(tx: Prisma.TransactionClient, viewer: Viewer, input: z.infer<typeof userImportSchema>) {
  const checked = input.users.map(checkUserRow);
  markDuplicates(checked, "email");
  const codes = [...new Set(checked.flatMap((c) => (c.parsed ? [c.parsed.unit] : [])))];
  const emails = checked.flatMap((c) => (c.parsed ? [c.parsed.email] : []));
  const scope = grantPaths(viewer, "user:manage").full;
  const [units, scoped, users] = await Promise.all([
    tx.orgUnit.findMany({ where: { code: { in: codes } }, select: { code: true } }),
    tx.orgUnit.findMany({
      where: { code: { in: codes }, OR: scope.map((p) => ({ path: { startsWith: p } })) },
      select: { id: true, code: true, archivedAt: true },
    }),
    tx.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, name: true, roleAssignments: { select: { role: true, unitId: true } } },
    }),
  ]);
  const known = new Set(units.map((u) => u.code));
  const unitOf = new Map(scoped.map((u) => [u.code, u]));
  const userOf = new Map(users.map((u) => [u.email, u]));
  const rows: RowPlan[] = [];
  const targets: UserTarget[] = [];
  for (const c of checked) {
    const errors = [...c.errors];
    let action: RowPlan["action"] = null;
    const changes: string[] = [];
    const u = c.parsed;
    if (u) {
      const unit = unitOf.get(u.unit);
      if (!known.has(u.unit)) errors.push({ code: "unknownUnit", field: "unit", params: { value: u.unit } });
      else if (!unit) errors.push({ code: "unitOutOfScope", field: "unit", params: { value: u.unit } });
      else if (unit.archivedAt) errors.push({ code: "archivedUnit", field: "unit", params: { value: u.unit } });
      const found = userOf.get(u.email);
      // An admin who demotes themselves could leave nobody able to undo it (as on the users page).
      if (found?.id === viewer.id) errors.push({ code: "ownAccount", field: "email", params: { value: u.email } });
      if (!errors.length && unit) {
        const roles = found ? found.roleAssignments.filter((a) => a.unitId === unit.id).map((a) => a.role) : [];
        if (found && found.name !== u.name) changes.push("name");
        if (found && (roles.length !== 1 || roles[0] !== u.role)) changes.push("role");
        action = !found ? "create" : changes.length ? "update" : "unchanged";
        targets.push({ parsed: u, unitId: unit.id, existing: found ? { id: found.id, name: found.name, roles } : null });
      }
    }
    rows.push({ sheet: "users", row: c.row, key: c.key, action, errors, ...(action === "update" ? { changes } : {}) });
  }
  return { plan: summarize(input.fileName, rows), targets };
}

export async function dryRunUserImport({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<ImportPlan>> {
  return mutate({
    name: "dryRunUserImport",
    schema: userImportSchema,
    input,
    viewer,
    permission: "user:manage",
    transactionTimeoutMs: IMPORT_TRANSACTION_MS,
    run: async ({ tx, viewer, input }) => (await plan(tx, viewer, input)).plan,
  });
}

export async function applyUserImport({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<ImportPlan>> {
  // One hash of a secret nobody keeps, outside the transaction (scrypt is ~170 ms of CPU).
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  return mutate({
    name: "applyUserImport",
    schema: userImportSchema,
    input,
    viewer,
    permission: "user:manage",
    transactionTimeoutMs: IMPORT_TRANSACTION_MS,
    run: async ({ tx, viewer, input }) => {
      const { plan: result, targets } = await plan(tx, viewer, input);
      if (result.errorRows)
        throw new AppError("BAD_REQUEST", { key: "rowErrorsNothingImported", params: { rows: result.errorRows } }, undefined, {
          plan: result,
        });
      const reason = importComment(input.fileName, viewer.name);
      for (const t of targets) {
        const u = t.parsed;
        if (!t.existing) {
          const id = randomUUID();
          await tx.user.create({ data: { id, email: u.email, name: u.name, emailVerified: true } });
          await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: unusable } });
          await tx.roleAssignment.create({ data: { userId: id, unitId: t.unitId, role: u.role, assignedById: viewer.id } });
          await recordAudit(tx, viewer, {
            action: "user.create",
            entityType: "User",
            entityId: id,
            before: null,
            after: { email: u.email, name: u.name, role: u.role, unit: u.unit },
            reason,
          });
          continue;
        }
        const nameChanged = t.existing.name !== u.name;
        const roleChanged = t.existing.roles.length !== 1 || t.existing.roles[0] !== u.role;
        if (!nameChanged && !roleChanged) continue;
        if (nameChanged) await tx.user.update({ where: { id: t.existing.id }, data: { name: u.name } });
        if (roleChanged) {
          await tx.roleAssignment.deleteMany({ where: { userId: t.existing.id, unitId: t.unitId } });
          await tx.roleAssignment.create({ data: { userId: t.existing.id, unitId: t.unitId, role: u.role, assignedById: viewer.id } });
          // As setUserRole: a manager's project assignments mean nothing once they hold no manager role anywhere.
          if (!(await tx.roleAssignment.count({ where: { userId: t.existing.id, role: "manager" } })))
            await tx.projectManager.deleteMany({ where: { userId: t.existing.id } });
        }
        await recordAudit(tx, viewer, {
          action: "user.update",
          entityType: "User",
          entityId: t.existing.id,
          before: { ...(nameChanged ? { name: t.existing.name } : {}), ...(roleChanged ? { unit: u.unit, roles: t.existing.roles } : {}) },
          after: { ...(nameChanged ? { name: u.name } : {}), ...(roleChanged ? { unit: u.unit, roles: [u.role] } : {}) },
          reason,
        });
      }
      return result;
    },
  });
}
