/**
 * Who may do what: the single source of truth. The server checks every
 * mutation against it (lib/auth/authorize.ts); the UI reads it only to hide
 * controls. A role not listed here, or no role, is denied everything.
 */
export const ROLES = ["admin", "pmo", "manager", "executive", "staff"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * "assigned" means: allowed only on projects the user is assigned to manage.
 */
type Grant = true | "assigned";

export const PERMISSIONS = {
  "project:read": { description: "Read projects, milestones and history", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "project:update": { description: "Change a project's stage, health, progress and forecast finish", roles: { admin: true, pmo: true, manager: "assigned" } },
  "milestone:create": { description: "Add a milestone", roles: { admin: true, pmo: true, manager: "assigned" } },
  "milestone:update": { description: "Edit a milestone's title, forecast and actual dates and state", roles: { admin: true, pmo: true, manager: "assigned" } },
  "milestone:rebaseline": { description: "Change a milestone's baseline date (re-baseline)", roles: { admin: true } },
  "user:manage": { description: "List users, change roles, disable users", roles: { admin: true } },
  "project:assign-manager": { description: "Assign managers to projects", roles: { admin: true } },
  "project:export": { description: "Export the projects table (CSV, XLSX) as the reader sees it", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "view:create": { description: "Save, change and delete one's own views of the projects table; keep table preferences", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "view:share": { description: "Share one's own view with everyone", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "report:edit": { description: "Start, edit and correct a project's monthly status report", roles: { admin: true, pmo: true, manager: "assigned" } },
  "report:submit": { description: "Submit a status report for review", roles: { admin: true, pmo: true, manager: "assigned" } },
  "report:publish": { description: "Publish a submitted status report (it is then frozen)", roles: { admin: true, pmo: true } },
  "report:return": { description: "Return a submitted status report to its manager with a comment", roles: { admin: true, pmo: true } },
  "project:follow": { description: "Follow a project (told when its report is published)", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "notification:read": { description: "Read and mark one's own notifications", roles: { admin: true, pmo: true, manager: true, executive: true, staff: true } },
  "webhook:manage": { description: "Configure outgoing webhooks and read the delivery log", roles: { admin: true } },
} as const satisfies Record<string, { description: string; roles: Partial<Record<Role, Grant>> }>;

export type Permission = keyof typeof PERMISSIONS;

/** What a role may do regardless of project: true, "assigned" (only own projects) or false. */
export function grantFor(role: string | null | undefined, permission: Permission): Grant | false {
  if (!isRole(role)) return false;
  return (PERMISSIONS[permission].roles as Partial<Record<Role, Grant>>)[role] ?? false;
}

/** For the UI (hiding controls) and the server: may this user do it on this project? */
export function can(
  user: { role: string | null | undefined } | null | undefined,
  permission: Permission,
  project?: { managedByViewer: boolean },
): boolean {
  const grant = grantFor(user?.role, permission);
  if (grant === true) return true;
  if (grant === "assigned") return project?.managedByViewer === true;
  return false;
}
