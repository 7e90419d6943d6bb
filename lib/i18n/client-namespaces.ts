/**
 * The message namespaces each route's client components use (issue 20: the
 * whole catalog, ~76 KB, went into every page's RSC payload while client code
 * needs a few KB of it). Server components translate on the server from the
 * full catalog; only what client components call `useTranslations` with has
 * to travel. `editing` lists what only editors' controls use (forms, dialogs):
 * a read-only visitor is sent none of it.
 *
 * Kept exact by lib/i18n/client-namespaces.test.ts, which walks each route's
 * import graph: a namespace a client component uses and its route lacks fails
 * the test, and so does one listed that no client component uses.
 */
export interface RouteNamespaces {
  always: readonly string[];
  editing?: readonly string[];
}

/** The root layout's own client code (header, error boundary, loading states): outside every page's provider. */
export const LAYOUT_NAMESPACES: RouteNamespaces = { always: ["error"] };

/** Keyed by the page file's folder under app/ ("" is the home page). */
export const ROUTE_NAMESPACES = {
  "": { always: ["bilingual", "dashboard", "enums"] },
  dashboard: { always: ["bilingual", "dashboard", "enums"] },
  admin: { always: ["admin", "bilingual", "forms", "roles", "serverMessages", "signInUnlock", "uxReview.newUser"] },
  "admin/audit": { always: [] },
  "admin/capex": { always: ["capexAdmin", "capexForms", "forms", "serverMessages"] },
  "admin/deliveries": { always: [] },
  "admin/import": { always: ["import"] },
  "admin/organization": { always: [] },
  "admin/reporting": { always: [] },
  "admin/tokens": { always: ["forms", "integrations.tokens", "serverMessages"] },
  "admin/webhooks": { always: ["forms", "integrations.webhooks", "serverMessages"] },
  notifications: { always: ["notifications"] },
  "profile/tokens": { always: ["forms", "integrations.tokens", "serverMessages"] },
  "projects/(list)": {
    always: ["bilingual", "commodities", "common", "enums", "forms", "pagination", "projects", "serverMessages", "uxReview.mine"],
  },
  "projects/[slug]": {
    always: ["projectDetail.history"],
    editing: ["bilingual", "capex", "capexForms", "common", "edit", "enums", "forms", "serverMessages", "time", "uxReview.history"],
  },
  "projects/[slug]/gates/[reviewId]": { always: ["documents", "forms", "serverMessages"] },
  "projects/[slug]/reports/[reportId]": { always: ["forms", "reports", "serverMessages"] },
  "projects/[slug]/reports/new": { always: ["forms", "reports", "serverMessages"] },
  "projects/[slug]/risks/[code]": { always: ["documents", "forms", "serverMessages"] },
  "projects/timeline": { always: ["dashboard"] },
  "reports/[period]": { always: ["forms", "reports.pack", "serverMessages"] },
  reports: { always: [] },
  risks: { always: [] },
  "sign-in": { always: ["auth.signIn", "forms", "serverMessages", "sso"] },
} as const satisfies Record<string, RouteNamespaces>;

export type ClientRoute = keyof typeof ROUTE_NAMESPACES;
