/**
 * Who may do what: the single source of truth. The server checks every
 * mutation against it (grantFor, in mutate(): lib/server/mutation.ts); the UI reads it only to hide
 * controls. A role not listed here, or no role, is denied everything.
 */
export const ROLES = ["admin", "pmo", "manager", "executive", "staff"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * A role is held on an organization unit and applies to the unit and
 * everything below it (docs/decisions/0011). `true`: allowed within the units
 * the user holds that role on; "assigned": only on the projects, within those
 * units, the user is assigned to manage.
 */
type Grant = true | "assigned";

/** One role a user holds, on the unit at `unitPath` ("/GRP/MMG/") and its subtree. */
export interface RoleHolding {
  role: Role;
  unitPath: string;
}

/**
 * Whoever asks: a viewer with its assignments, or (tests, scripts) a bare
 * role, which counts as held on the whole group.
 */
export type PermissionSubject = { role?: string | null; assignments?: readonly RoleHolding[] } | null | undefined;

/** Every path starts with "/": a role held there covers the whole tree. */
const EVERYWHERE = "/";

export function holdingsOf(subject: PermissionSubject): RoleHolding[] {
  if (!subject) return [];
  if (subject.assignments) return subject.assignments.filter((a) => isRole(a.role));
  return isRole(subject.role) ? [{ role: subject.role, unitPath: EVERYWHERE }] : [];
}

export const PERMISSIONS = {
  "project:read": { description: "Read projects, milestones and history", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "project:update": { description: "Change a project's stage, health, progress and forecast finish", roles: { admin: true, pmo: true, manager: "assigned" } },
  "milestone:create": { description: "Add a milestone", roles: { admin: true, pmo: true, manager: "assigned" } },
  "milestone:update": { description: "Edit a milestone's title, forecast and actual dates and state", roles: { admin: true, pmo: true, manager: "assigned" } },
  "milestone:rebaseline": { description: "Change a milestone's baseline date (re-baseline)", roles: { admin: true } },
  "user:manage": { description: "List users, change roles, disable users", roles: { admin: true } },
  "project:assign-manager": { description: "Assign managers to projects", roles: { admin: true } },
  "project:export": {
    description: "Export the projects table (CSV, XLSX) as the reader sees it",
    roles: { admin: true, pmo: true, manager: true, executive: true, staff: true },
  },
  "view:create": {
    description: "Save, change and delete one's own views of the projects table; keep table preferences",
    roles: { admin: true, pmo: true, manager: true, executive: true, staff: true },
  },
  "org:manage": { description: "Create, rename, move and archive organization units; move projects between units", roles: { admin: true } },
  "audit:read": { description: "Read and export the audit trail of admin changes", roles: { admin: true } },
  "view:share": { description: "Share one's own view with everyone", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "capex:edit": {
    description: "Edit a project's draft budget versions, cost lines and currency; upload cost sheets",
    roles: { admin: true, pmo: true, manager: "assigned" },
  },
  "capex:approve": { description: "Approve a budget version (it becomes immutable)", roles: { admin: true, pmo: true } },
  "capex:reference": { description: "Maintain cost categories and exchange-rate sets", roles: { admin: true } },
  "kpi:edit": {
    description: "Enter a project's KPI actuals, targets and design capacity; upload KPI sheets",
    roles: { admin: true, pmo: true, manager: "assigned" },
  },
  "kpi:reference": { description: "Maintain KPI definitions", roles: { admin: true } },
  "risk:edit": { description: "Raise and edit a project's risks, score them and manage their actions", roles: { admin: true, pmo: true, manager: "assigned" } },
  "gate:review": {
    description: "Set a project's gate process; prepare a gate review (approvers, conditions, deliverables)",
    roles: { admin: true, pmo: true },
  },
  "gate:decide": { description: "Record a gate review's decision (final once recorded)", roles: { admin: true, pmo: true } },
  "gate:approve": {
    description: "Approve or reject a gate review one is named an approver of",
    roles: { admin: true, pmo: true, manager: true, executive: true, staff: true },
  },
  "gate:condition": { description: "Mark a gate condition met or waived", roles: { admin: true, pmo: true, manager: "assigned" } },
  "document:upload": {
    description: "Attach documents (and new versions) to a project, its risks, milestones and gate deliverables",
    roles: { admin: true, pmo: true, manager: "assigned" },
  },
  "report:edit": { description: "Start, edit and correct a project's monthly status report", roles: { admin: true, pmo: true, manager: "assigned" } },
  "report:submit": { description: "Submit a status report for review", roles: { admin: true, pmo: true, manager: "assigned" } },
  "report:publish": { description: "Publish a submitted status report (it is then frozen)", roles: { admin: true, pmo: true } },
  "report:return": { description: "Return a submitted status report to its manager with a comment", roles: { admin: true, pmo: true } },
  "report:configure": {
    description: "Set when reports are due and when missing ones escalate, for the group and per organization unit",
    roles: { admin: true },
  },
  "report:close": {
    description: "Close a reporting period for the group (afterwards only corrections of its published reports)",
    roles: { admin: true },
  },
  "project:follow": {
    description: "Follow a project (told when its report is published)",
    roles: { admin: true, pmo: true, manager: true, executive: true, staff: true },
  },
  "notification:read": { description: "Read and mark one's own notifications", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "portfolio:import": {
    description: "Import projects and milestones from a spreadsheet (dry run and apply), within one's units",
    roles: { admin: true, pmo: true },
  },
  "token:personal": {
    description: "Create and revoke one's own API tokens (they act with one's own roles)",
    roles: { admin: true, pmo: true, manager: true, executive: true, staff: true },
  },
  "token:service": { description: "Create and revoke service API tokens (a role on an organization unit)", roles: { admin: true } },
  "webhook:manage": { description: "Configure outgoing webhooks and read the delivery log", roles: { admin: true } },
} as const satisfies Record<string, { description: string; roles: Partial<Record<Role, Grant>> }>;

export type Permission = keyof typeof PERMISSIONS;

/** What a role may do regardless of project: true, "assigned" (only own projects) or false. */
export function grantFor(role: string | null | undefined, permission: Permission): Grant | false {
  if (!isRole(role)) return false;
  return (PERMISSIONS[permission].roles as Partial<Record<Role, Grant>>)[role] ?? false;
}

/**
 * Where a subject holds a permission: the unit paths where it is granted
 * outright (`full`) and those where it holds only for managed projects
 * (`assigned`). Both empty: denied everywhere.
 */
export function grantPaths(subject: PermissionSubject, permission: Permission): { full: string[]; assigned: string[] } {
  const full: string[] = [];
  const assigned: string[] = [];
  for (const h of holdingsOf(subject)) {
    const grant = grantFor(h.role, permission);
    if (grant === true) full.push(h.unitPath);
    else if (grant === "assigned") assigned.push(h.unitPath);
  }
  return { full, assigned };
}

/**
 * For the UI (hiding controls) and the server: may this user do it? With a
 * target unit (a project's owning unit path), only within the units the user
 * holds a granting role on; without one, anywhere at all.
 */
export function can(user: PermissionSubject, permission: Permission, target?: { managedByViewer?: boolean; unitPath?: string }): boolean {
  const { full, assigned } = grantPaths(user, permission);
  const covers = (paths: string[]) => (target?.unitPath === undefined ? paths.length > 0 : paths.some((p) => target.unitPath!.startsWith(p)));
  if (covers(full)) return true;
  return target?.managedByViewer === true && covers(assigned);
}
