import { ROLES, type Role, type RoleHolding } from "./permissions";

/**
 * The one role to show for a user holding several: the one held highest in
 * the tree (shortest path), then the most powerful (ROLES' order). For
 * display only; permissions read every assignment.
 */
export function primaryRole(holdings: readonly RoleHolding[]): Role | null {
  let best: RoleHolding | null = null;
  for (const h of holdings) {
    if (!best || h.unitPath.length < best.unitPath.length || (h.unitPath.length === best.unitPath.length && ROLES.indexOf(h.role) < ROLES.indexOf(best.role)))
      best = h;
  }
  return best?.role ?? null;
}
