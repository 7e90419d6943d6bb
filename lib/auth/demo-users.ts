import type { Role } from "./permissions";

/**
 * The embedded demo's sign-ins, one per role: created by `npm start`
 * (lib/auth/users.ts ensureDemoUsers), printed in its banner and the README,
 * and used by the e2e and system tests. The one copy: plain data, importable
 * from the app, the tests and the scripts alike.
 */
export type DemoRole = "admin" | "manager" | "executive" | "staff" | "mmgExecutive" | "pmo";

/** `unit`: code of the unit the role is held on (default: the group, the root). */
export const DEMO_LOGINS: Record<DemoRole, { email: string; name: string; role: Role; unit?: string; password: string }> = {
  admin: { email: "admin@lodestone.local", name: "Ada Admin", role: "admin", password: "lodestone-admin" },
  manager: { email: "manager@lodestone.local", name: "Mei Manager", role: "manager", password: "lodestone-manager" },
  executive: { email: "executive@lodestone.local", name: "Eli Executive", role: "executive", password: "lodestone-executive" },
  staff: { email: "staff@lodestone.local", name: "Sam Staff", role: "staff", password: "lodestone-staff" },
  // Roles scoped to a unit (issue 11): an executive of MMG reads MMG's projects only; a group PMO edits every project.
  mmgExecutive: { email: "mmg.executive@lodestone.local", name: "Mo MMG Executive", role: "executive", unit: "MMG", password: "lodestone-mmg-executive" },
  pmo: { email: "pmo@lodestone.local", name: "Pat PMO", role: "pmo", password: "lodestone-pmo" },
};

/** Projects the demo manager is assigned to (slugs of the Minmetals seed). */
export const DEMO_MANAGER_PROJECTS = ["kinsevere-copper-expansion", "khoemacau-copper-mine", "las-bambas-copper-mine", "chentaigou-iron-mine"];
