import "server-only";
import { recordAudit, type SystemActor } from "../audit/record-audit";
import type { PrismaClient } from "../db/generated/client";
import type { OidcSettings } from "../env";
import { log } from "../log/logger";
import { grantKey, mappedGrants, splitGrantKey, type GrantKey } from "./oidc-group-map";

export type SsoSignInKind = "create-user" | "link-account" | "sign-in";

export interface SsoMappingResult {
  assigned: GrantKey[];
  unassigned: GrantKey[];
  /** pairs the groups grant on a unit that does not exist or is archived: logged, not applied */
  skipped: GrantKey[];
}

/** The actor of every change the mapping makes: the provider, not a person (actorId null in the audit trail). */
export function ssoActor(settings: Pick<OidcSettings, "displayName">): SystemActor {
  return { id: null, name: `Single sign-on (${settings.displayName})`.slice(0, 200) };
}

/**
 * Brings a user's role assignments in line with the groups the identity
 * provider sent at this sign-in, in one transaction with an audit entry per
 * change (docs/decisions/0060). The provider owns exactly the (role, unit)
 * pairs the group map names: each is held iff one of the user's groups grants
 * it. Pairs the map does not name are the admins' to assign by hand
 * (/admin/organization) and are never touched here.
 *
 * Also records the user's creation (first sign-in) or the linking of the
 * provider to an existing user (matched by verified e-mail).
 */
export async function applySsoGroupMapping(
  prisma: PrismaClient,
  {
    userId,
    groups,
    kind,
    settings,
  }: { userId: string; groups: string[]; kind: SsoSignInKind; settings: Pick<OidcSettings, "displayName" | "groupMap" | "issuer"> },
): Promise<SsoMappingResult> {
  const actor = ssoActor(settings);
  const { managed, wanted } = mappedGrants(settings.groupMap, groups);
  const reason = `Group mapping at sign-in; groups: ${groups.length ? groups.join(", ") : "none"}`.slice(0, 2000);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, banned: true } });
    // A disabled user gets no session (the auth library's admin plugin refuses it); nothing to change for them.
    if (!user || user.banned) return { assigned: [], unassigned: [], skipped: [] };
    if (kind === "create-user")
      await recordAudit(tx, actor, {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        before: null,
        after: { email: user.email, name: user.name, via: "oidc", issuer: settings.issuer },
        reason: "First sign-in with single sign-on",
      });
    if (kind === "link-account")
      await recordAudit(tx, actor, {
        action: "user.sso.link",
        entityType: "User",
        entityId: user.id,
        before: null,
        after: { email: user.email, issuer: settings.issuer },
        reason: "Matched by verified e-mail at single sign-on",
      });

    const codes = [...new Set([...managed].map((k) => splitGrantKey(k).unitCode))];
    const units = codes.length ? await tx.orgUnit.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, archivedAt: true } }) : [];
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const held = await tx.roleAssignment.findMany({
      where: { userId: user.id, unitId: { in: units.map((u) => u.id) } },
      select: { role: true, unit: { select: { code: true } } },
    });
    const heldKeys = new Set(held.map((h) => grantKey(h.role, h.unit.code)));

    const result: SsoMappingResult = { assigned: [], unassigned: [], skipped: [] };
    for (const key of [...wanted].sort()) {
      if (heldKeys.has(key)) continue;
      const { role, unitCode } = splitGrantKey(key);
      const unit = unitByCode.get(unitCode);
      if (!unit || unit.archivedAt) {
        result.skipped.push(key);
        continue;
      }
      await tx.roleAssignment.create({ data: { userId: user.id, unitId: unit.id, role, assignedById: null } });
      await recordAudit(tx, actor, {
        action: "user.role.assign",
        entityType: "User",
        entityId: user.id,
        before: null,
        after: { role, unit: unitCode },
        reason,
      });
      result.assigned.push(key);
    }
    for (const key of [...heldKeys].sort()) {
      if (!managed.has(key) || wanted.has(key)) continue;
      const { role, unitCode } = splitGrantKey(key);
      await tx.roleAssignment.delete({ where: { userId_unitId_role: { userId: user.id, unitId: unitByCode.get(unitCode)!.id, role } } });
      await recordAudit(tx, actor, {
        action: "user.role.unassign",
        entityType: "User",
        entityId: user.id,
        before: { role, unit: unitCode },
        after: null,
        reason,
      });
      result.unassigned.push(key);
    }
    // As in lib/auth/admin-users.ts: project assignments mean nothing once no manager role is held anywhere.
    if (result.unassigned.some((k) => k.startsWith("manager@")) && !(await tx.roleAssignment.count({ where: { userId: user.id, role: "manager" } })))
      await tx.projectManager.deleteMany({ where: { userId: user.id } });
    if (result.skipped.length)
      log().warn(
        { userId: user.id, skipped: result.skipped },
        "single sign-on: the group map names units that do not exist or are archived; those grants were not applied",
      );
    return result;
  });
}
