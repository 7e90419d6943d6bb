import { UNIT_CODE } from "../org/org-path";
import { isRole, ROLES, type Role } from "./permissions";

/**
 * The table that turns the identity provider's groups into roles on
 * organization units (LODESTONE_OIDC_GROUP_MAP, docs/decisions/0060):
 * `group=role@UNITCODE` entries separated by `;` or new lines. A group may
 * appear on several entries (several grants); several groups may grant the
 * same pair. Group names are taken as the provider sends them, so an AD
 * distinguished name (`CN=PMO,OU=Groups,DC=corp,DC=example`) works: the role
 * is what follows the LAST `=`.
 */
export interface GroupGrant {
  group: string;
  role: Role;
  unitCode: string;
}

/** A (role, unit) pair, as a string key: "manager@MMG". */
export type GrantKey = `${Role}@${string}`;

export const grantKey = (role: Role, unitCode: string): GrantKey => `${role}@${unitCode}`;

export type GroupMapParse = { ok: true; grants: GroupGrant[] } | { ok: false; problems: string[] };

export function parseGroupMap(source: string | undefined): GroupMapParse {
  const grants: GroupGrant[] = [];
  const problems: string[] = [];
  const entries = (source ?? "")
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const eq = entry.lastIndexOf("=");
    const group = eq > 0 ? entry.slice(0, eq).trim() : "";
    const target = eq > 0 ? entry.slice(eq + 1).trim() : "";
    const at = target.indexOf("@");
    const role = at > 0 ? target.slice(0, at).trim() : "";
    const unitCode =
      at > 0
        ? target
            .slice(at + 1)
            .trim()
            .toUpperCase()
        : "";
    if (!group || !role || !unitCode) {
      problems.push(`"${entry}" is not group=role@UNITCODE`);
      continue;
    }
    if (!isRole(role)) {
      problems.push(`"${entry}": unknown role "${role}" (one of ${ROLES.join(", ")})`);
      continue;
    }
    if (!UNIT_CODE.test(unitCode)) {
      problems.push(`"${entry}": "${unitCode}" is not a unit code (1-32 upper-case letters, digits or hyphens)`);
      continue;
    }
    grants.push({ group, role, unitCode });
  }
  return problems.length ? { ok: false, problems } : { ok: true, grants };
}

/** The groups claim as the provider sent it: an array of names, or one name. Anything else counts as no group. */
export function groupsOf(claims: Record<string, unknown> | undefined, claim: string): string[] {
  const value = claims?.[claim];
  if (typeof value === "string") return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((g): g is string => typeof g === "string" && g.length > 0))];
}

/**
 * The pairs the table names (the ones the provider owns: docs/decisions/0060)
 * and, of those, the ones these groups grant.
 */
export function mappedGrants(grants: readonly GroupGrant[], groups: readonly string[]): { managed: Set<GrantKey>; wanted: Set<GrantKey> } {
  const member = new Set(groups);
  const managed = new Set<GrantKey>();
  const wanted = new Set<GrantKey>();
  for (const g of grants) {
    const key = grantKey(g.role, g.unitCode);
    managed.add(key);
    if (member.has(g.group)) wanted.add(key);
  }
  return { managed, wanted };
}

export function splitGrantKey(key: GrantKey): { role: Role; unitCode: string } {
  const at = key.indexOf("@");
  return { role: key.slice(0, at) as Role, unitCode: key.slice(at + 1) };
}
