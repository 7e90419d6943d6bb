import "server-only";
import type { Viewer } from "../auth/session";
import { createUser, resetUserPassword, setManagerAssignment, setUserDisabled, setUserRole } from "../auth/admin-users";
import type { MutationResult } from "../server/mutation";
import { archiveOrgUnit, createOrgUnit, moveOrgUnit, moveProjectsToUnit, renameOrgUnit, setRoleAssignment } from "./org-mutations";

/**
 * Every admin capability over JSON (POST /api/admin/<action>): the same
 * audited, unit-scoped functions the admin pages' actions call. It replaces
 * the auth library's closed admin endpoints for scripts and tests.
 */
type AdminAction = (opts: { viewer: Viewer | null; input: unknown }) => Promise<MutationResult<unknown>>;

export const ADMIN_ACTIONS: Record<string, AdminAction> = {
  "create-user": createUser,
  "set-user-role": setUserRole,
  "set-user-disabled": setUserDisabled,
  "reset-password": resetUserPassword,
  "set-manager": setManagerAssignment,
  "set-role-assignment": setRoleAssignment,
  "create-unit": createOrgUnit,
  "rename-unit": renameOrgUnit,
  "move-unit": moveOrgUnit,
  "archive-unit": archiveOrgUnit,
  "move-projects": moveProjectsToUnit,
};

export function adminAction(name: string): AdminAction | null {
  return Object.hasOwn(ADMIN_ACTIONS, name) ? ADMIN_ACTIONS[name] : null;
}
