import type { APIRequestContext, Browser } from "@playwright/test";
import { DEMO_LOGINS, expect, expectNoSeriousA11yViolations, signInAs, test, type DemoRole } from "./fixtures";
import { multiSelect } from "./multi-select";

/**
 * The organization tree and roles scoped to it (issue 11): an admin builds a
 * small tree through the app's audited admin path, assigns a subsidiary
 * executive, who then sees only that subsidiary; every admin action is denied
 * to every non-admin role; the auth library's admin endpoints are closed.
 */
const origin = () => test.info().project.use.baseURL!;
const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toUpperCase();

async function signedInRequest(browser: Browser, login: { email: string; password: string }): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL: origin(), extraHTTPHeaders: { Origin: origin() } });
  const res = await context.request.post("/api/auth/sign-in/email", { data: login });
  expect(res.status(), await res.text()).toBe(200);
  return context.request;
}

const PLUGIN_ENDPOINTS = [
  ["POST", "/api/auth/admin/set-role", { userId: "x", role: "staff,admin" }],
  ["POST", "/api/auth/admin/create-user", { email: "evil@example.com", password: "x", name: "Evil", role: "admin" }],
  ["POST", "/api/auth/admin/impersonate-user", { userId: "x" }],
  ["POST", "/api/auth/admin/set-user-password", { userId: "x", newPassword: "1" }],
  ["POST", "/api/auth/admin/ban-user", { userId: "x" }],
  ["POST", "/api/auth/admin/remove-user", { userId: "x" }],
  ["GET", "/api/auth/admin/list-users", null],
  ["POST", "/api/auth/sign-up/email", { email: "new@example.com", password: "long-enough-pw", name: "New" }],
] as const;

test.describe("the auth library's own admin endpoints are closed", () => {
  for (const who of ["anonymous", "staff", "admin"] as const) {
    test(`for ${who}: every admin plugin endpoint answers 404`, async ({ browser, request }) => {
      const ctx = who === "anonymous" ? request : await signedInRequest(browser, DEMO_LOGINS[who]);
      for (const [method, path, data] of PLUGIN_ENDPOINTS) {
        const res = method === "GET" ? await ctx.get(path) : await ctx.post(path, { data: data ?? {}, headers: { Origin: origin() } });
        expect(res.status(), `${method} ${path}`).toBe(404);
      }
    });
  }

  test("update-user refuses an empty name and another user's name", async ({ browser }) => {
    const staff = await signedInRequest(browser, DEMO_LOGINS.staff);
    expect((await staff.post("/api/auth/update-user", { data: { name: "  " } })).status()).toBe(400);
    expect((await staff.post("/api/auth/update-user", { data: { name: DEMO_LOGINS.admin.name } })).status()).toBe(409);
    expect((await staff.post("/api/auth/update-user", { data: { name: "Sam Staff", role: "admin" } })).status()).toBe(400);
  });
});

/** A valid body for each admin action, so a refusal is the permission's, not the schema's. */
const ADMIN_ACTIONS: Record<string, Record<string, unknown>> = {
  "create-user": { email: "denied@lodestone.local", name: "Denied", role: "admin", password: "a-long-enough-password" },
  "set-user-role": { userId: "someone", role: "admin" },
  "set-user-disabled": { userId: "someone", disabled: true },
  "reset-password": { userId: "someone", password: "a-long-enough-password" },
  "set-manager": { userId: "someone", projectSlug: "las-bambas-copper-mine", assigned: true },
  "set-role-assignment": { userId: "someone", unitCode: "GRP", role: "admin", assigned: true },
  "create-unit": { parentCode: "GRP", code: "DENIED", nameEn: "Denied" },
  "rename-unit": { code: "MMG", version: 1, nameEn: "Renamed" },
  "move-unit": { code: "MMG", version: 1, parentCode: "MCC" },
  "archive-unit": { code: "MMG", version: 1, archived: true },
  "move-projects": { slugs: ["las-bambas-copper-mine"], toCode: "MCC" },
};

test.describe("every admin action is denied to every non-admin role", () => {
  for (const role of ["manager", "executive", "staff", "mmgExecutive", "pmo"] as DemoRole[]) {
    test(`as ${role}`, async ({ browser }) => {
      const ctx = await signedInRequest(browser, DEMO_LOGINS[role]);
      for (const [action, body] of Object.entries(ADMIN_ACTIONS)) {
        const res = await ctx.post(`/api/admin/${action}`, { data: body });
        expect(res.status(), `${action}: ${await res.text()}`).toBe(403);
      }
      // The admin pages say "not allowed" (403): the protected-page rule (lib/auth/page-guard.ts).
      for (const path of ["/admin", "/admin/organization", "/admin/audit", "/admin/audit/export", "/admin/deliveries"])
        expect((await ctx.get(path)).status(), path).toBe(403);
    });
  }

  test("anonymous callers are asked to sign in", async ({ request }) => {
    const res = await request.post("/api/admin/create-unit", { data: ADMIN_ACTIONS["create-unit"], headers: { Origin: origin() } });
    expect(res.status()).toBe(401);
  });
});

test.describe("a subsidiary executive sees only their subsidiary", () => {
  test("the seeded MMG executive: API, export and dashboard", async ({ browser, page }) => {
    const mmg = await signedInRequest(browser, DEMO_LOGINS.mmgExecutive);
    const list = await (await mmg.get("/api/projects?pageSize=100")).json();
    expect(list.rows.map((r: { slug: string }) => r.slug).sort()).toEqual(["khoemacau-copper-mine", "kinsevere-copper-expansion", "las-bambas-copper-mine"]);
    expect((await mmg.get("/api/projects/mcc-ramu-nickel-cobalt")).status()).toBe(404);
    const csv = await (await mmg.get("/api/projects/export?format=csv&columns=name")).text();
    expect(csv.trim().split(/\r\n/).length).toBe(4);
    await signInAs(page, "mmgExecutive");
    await page.goto("/dashboard");
    await expect(page.getByText("Showing MMG Limited.")).toBeVisible();
  });

  test("a group reader filters the table, the timeline and the dashboard by organization, and groups the table by it", async ({ page }) => {
    const MMG_PROJECTS = ["Khoemacau Copper Mine", "Kinsevere Copper Mine Expansion", "Las Bambas Copper Mine"];
    // An option's name is the unit's name after its indent (no-break spaces, one pair per level).
    const chooseUnit = async (name: string) => {
      await multiSelect(page, "Organization").click();
      const list = page.getByRole("listbox", { name: "Organization", exact: true });
      await list.getByRole("option", { name: new RegExp(`^\\s*${name}$`) }).click();
      await page.keyboard.press("Escape");
      await expect(list).toBeHidden();
    };
    await signInAs(page, "staff");
    await page.goto("/projects?view=none");
    await chooseUnit("MMG Limited");
    await expect(page).toHaveURL(/[?&]org=MMG(&|$)/);
    const table = page.getByRole("table", { name: /^Projects/ });
    await expect(table.getByRole("row")).toHaveCount(1 + MMG_PROJECTS.length);
    for (const name of MMG_PROJECTS) await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("group", { name: "Active filters" }).getByRole("link", { name: /Organization: MMG Limited/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The same selection as a timeline, with its chip.
    await page.goto("/projects/timeline?org=MMG");
    await expect(page.getByRole("group", { name: "Active filters" }).getByRole("link", { name: /Organization: MMG Limited/ })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: /Las Bambas Copper Mine/ })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: /Ramu/ })).toHaveCount(0);

    // Grouped by organization: one group per unit, in tree order, with its count.
    await page.goto("/projects?view=none&org=MMG&org=MCC");
    await page.getByText("Table settings", { exact: true }).click();
    await page.getByLabel("Group by").selectOption({ label: "Organization" });
    await expect(page).toHaveURL(/[?&]group=organization(&|$)/);
    await expect(table.getByText("Metallurgical Corporation of China Ltd.: 1 project", { exact: true })).toBeVisible();
    await expect(table.getByText("MMG Limited: 3 projects", { exact: true })).toBeVisible();

    // The dashboard narrows to the unit too.
    await page.goto("/dashboard");
    await chooseUnit("Metallurgical Corporation of China Ltd.");
    await expect(page).toHaveURL(/[?&]org=MCC(&|$)/);
    await expect(multiSelect(page, "Organization")).toHaveAccessibleName(/Metallurgical Corporation of China Ltd\.$/);
    await expectNoSeriousA11yViolations(page);
  });

  test("an admin builds a small tree and assigns an executive, who sees only that unit", async ({ browser, page }) => {
    const admin = await signedInRequest(browser, DEMO_LOGINS.admin);
    const code = `E2E-${stamp()}`;
    const child = `${code}-A`;
    const ok = async (action: string, data: unknown) => {
      const res = await admin.post(`/api/admin/${action}`, { data });
      expect(res.status(), `${action}: ${await res.text()}`).toBeLessThan(300);
      return res.json();
    };
    await ok("create-unit", { parentCode: "GRP", code, nameEn: `E2E subsidiary ${code}`, reason: "e2e" });
    await ok("create-unit", { parentCode: code, code: child, nameEn: `E2E branch ${code}`, reason: "e2e" });
    await ok("move-projects", { slugs: ["xiongan-itc-terminal"], toCode: code, reason: "e2e" });
    await ok("move-projects", { slugs: ["palace-museum-north-campus-section-one"], toCode: child, reason: "e2e" });
    // A cycle is refused with a clear error.
    const cycle = await admin.post("/api/admin/move-unit", { data: { code, version: 1, parentCode: child } });
    expect(cycle.status()).toBe(400);
    expect((await cycle.json()).error.message).toMatch(/cycle/);
    const user = { email: `sub-exec-${stamp().toLowerCase()}@lodestone.local`, password: "a-long-enough-password", name: `Sub Exec ${code}` };
    await ok("create-user", { ...user, role: "executive", unitCode: code, reason: "e2e" });

    const exec = await signedInRequest(browser, user);
    const list = await (await exec.get("/api/projects?pageSize=100")).json();
    expect(list.rows.map((r: { slug: string }) => r.slug).sort()).toEqual(["palace-museum-north-campus-section-one", "xiongan-itc-terminal"]);
    expect(list.total).toBe(2);
    const csv = await (await exec.get("/api/projects/export?format=csv&columns=name")).text();
    expect(csv.trim().split(/\r\n/).length).toBe(3);

    const context = await browser.newContext();
    const execPage = await context.newPage();
    expect((await execPage.request.post(`${origin()}/api/auth/sign-in/email`, { data: user, headers: { Origin: origin() } })).status()).toBe(200);
    await execPage.goto("/dashboard");
    await expect(execPage.getByText(`Showing E2E subsidiary ${code}.`)).toBeVisible();
    await execPage.goto("/projects");
    await expect(execPage.getByRole("link", { name: /Xiong'an/ })).toBeVisible();
    await expect(execPage.getByRole("link", { name: "Las Bambas Copper Mine" })).toHaveCount(0);

    // Every change is in the audit trail, on a page without serious accessibility violations.
    await signInAs(page, "admin");
    await page.goto(`/admin/audit?action=org.unit.create`);
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await expect(page.getByRole("cell", { name: new RegExp(`OrgUnit ${code}-A`) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto("/admin/organization");
    await expect(page.getByRole("rowheader", { name: code, exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
