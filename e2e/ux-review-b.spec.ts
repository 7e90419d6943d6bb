import type { Page } from "@playwright/test";
import { DEMO_MANAGER_PROJECTS } from "../lib/auth/demo-users";
import { DEMO_LOGINS, expect, expectNoSeriousA11yViolations, FRESH_PROJECT_SLUG_PREFIX, signInAs, test } from "./fixtures";

/**
 * Issue 17 (the hands-on review), items 6, 7, 15, 21, 23 and 24: what people
 * met when they tried it, each checked as they met it. Tests that change data
 * create their own (a milestone, a user, a view) with unique names.
 */
const origin = () => test.info().project.use.baseURL!;
const table = (page: Page) => page.getByRole("table", { name: /^Projects/ });
const rowNames = (page: Page) => table(page).getByRole("rowheader").getByRole("link");
const ready = (page: Page) => expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();

test.describe("search finds commodities and provinces in both languages (item 15)", () => {
  for (const [q, expected] of [
    ["antimony", "Xikuangshan Deep and Peripheral Prospecting"],
    ["锑", "Xikuangshan Deep and Peripheral Prospecting"],
    ["Hunan", "Huangshaping Peripheral and Deep Lead-Zinc Mining"],
    ["湖南", "Huangshaping Peripheral and Deep Lead-Zinc Mining"],
    ["Katanga", "Kinsevere Copper Mine Expansion"],
    ["铜矿", "Khoemacau Copper Mine"],
  ] as const) {
    test(`“${q}” finds ${expected}`, async ({ page }) => {
      await page.goto("/projects?view=none");
      await ready(page);
      await page.getByRole("searchbox", { name: "Search projects" }).fill(q);
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q)}`));
      await expect(rowNames(page).filter({ hasText: expected })).toHaveCount(1);
    });
  }
});

test.describe("My projects (item 23)", () => {
  test("a manager signing in from the front page lands on their projects, marked, with the filter on", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_LOGINS.manager.email);
    await page.getByLabel("Password").fill(DEMO_LOGINS.manager.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/projects\?mine=1$/);
    await expect(page.getByRole("checkbox", { name: "My projects" })).toBeChecked();
    await expect(page.getByRole("group", { name: "Active filters" }).getByRole("link", { name: /My projects/ })).toBeVisible();
    // The seeded assignments, each marked (other specs may assign the demo manager fresh projects meanwhile: all marked too).
    await expect(rowNames(page).first()).toBeVisible();
    for (const slug of DEMO_MANAGER_PROJECTS) await expect(table(page).locator(`a[href="/projects/${slug}"]`)).toBeVisible();
    await expect(table(page).getByText("You manage")).toHaveCount(await rowNames(page).count());
    await expectNoSeriousA11yViolations(page);

    // Off: every project of the scope, the managed ones still marked.
    await ready(page);
    await page.getByRole("checkbox", { name: "My projects" }).uncheck();
    await expect(page).not.toHaveURL(/mine=/);
    await expect(rowNames(page).first()).toBeVisible();
    expect(await rowNames(page).count()).toBeGreaterThan(DEMO_MANAGER_PROJECTS.length);
  });

  test("the API and the export apply mine to the caller's own assignments", async ({ page, request }) => {
    await signInAs(page, "manager");
    // The seeded assignments, and beyond them only fresh projects other specs assigned (e2e/fixtures.ts).
    await expect(async () => {
      const mine = await page.request.get("/api/projects?mine=1&pageSize=100");
      expect(mine.status()).toBe(200);
      const body = (await mine.json()) as { rows: { slug: string; managedByMe: boolean }[]; total: number };
      const seeded = body.rows.map((r) => r.slug).filter((slug) => !slug.startsWith(FRESH_PROJECT_SLUG_PREFIX));
      expect(seeded.sort()).toEqual([...DEMO_MANAGER_PROJECTS].sort());
      expect(body.rows.every((r) => r.managedByMe)).toBe(true);
      const csv = await page.request.get("/api/projects/export?format=csv&mine=1&columns=name");
      expect(csv.status()).toBe(200);
      expect((await csv.text()).trim().split(/\r?\n/)).toHaveLength(body.total + 1);
    }).toPass({ timeout: 20_000 });
    // Someone else's "mine" is theirs: the staff user manages nothing.
    await signInAs(page, "staff");
    expect(((await (await page.request.get("/api/projects?mine=1")).json()) as { total: number }).total).toBe(0);
    // A bad value is a 400 on the API, naming the parameter.
    const bad = await request.get("/api/projects?mine=perhaps");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("mine");
  });

  test("a project the manager does not manage says why it cannot be updated and who manages it", async ({ page }) => {
    await signInAs(page, "manager");
    await page.goto("/projects/xikuangshan-deep-peripheral-prospecting");
    const note = page.getByRole("complementary", { name: "Who may update this project" });
    await expect(note).toContainText("You can update the projects you manage; this is not one of them.");
    await expect(note).toContainText(/Its managers: |It has no manager yet/);
    await expect(page.getByRole("region", { name: "Update status" })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    // On their own project: the form, no note.
    await page.goto(`/projects/${DEMO_MANAGER_PROJECTS[0]}`);
    await expect(page.getByRole("region", { name: "Update status" })).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Who may update this project" })).toHaveCount(0);
  });
});

test.describe("an added milestone reads as one line (item 21)", () => {
  test("history shows “Added milestone …”, opening to its fields", async ({ page, freshProject }) => {
    await signInAs(page, "manager");
    await page.goto(freshProject.url);
    const title = `Shaft sinking ${Date.now()}`;
    await page.getByRole("button", { name: "Add milestone" }).click();
    const add = page.getByRole("dialog", { name: "Add a milestone" });
    await add.getByLabel("Title", { exact: true }).fill(title);
    // The precision first: the picker follows it (issue 17.22).
    await add.getByLabel("Baseline precision").selectOption({ label: "Month" });
    await add.getByLabel("Baseline month").fill("2027-03");
    await add.getByRole("button", { name: "Add milestone" }).click();
    await expect(add).toBeHidden();

    const history = page.getByRole("region", { name: "History" });
    const added = history.getByText(`Added milestone ${title}`);
    await expect(added).toBeVisible();
    // Closed: one line; opened: the values it was added with, none of them "not set →".
    const titleLine = history.getByText(`Milestone title: ${title}`, { exact: true });
    await expect(titleLine).toBeHidden();
    await added.click();
    await expect(titleLine).toBeVisible();
    await expect(added.locator("xpath=ancestor::details[1]").getByText("Milestone baseline: Mar 2027", { exact: true })).toBeVisible();
    await expect(history.getByText(`Milestone title: not set → ${title}`)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("admin (item 24)", () => {
  test("an admin creates a user from the page; a bad password is refused in place and creates nobody", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin");
    const stamp = `${Date.now()}`;
    const email = `new-${stamp}@lodestone.local`;
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await expect(dialog.getByLabel("Name")).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByLabel("Name").fill(`Nora New ${stamp}`);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Role").selectOption({ label: "Staff" });
    await dialog.getByLabel("Initial password").fill("short");
    await dialog.getByRole("button", { name: "Create user" }).click();
    // The server's field error, beside the field (the hint says the rule too, so look for the error itself).
    await expect(dialog.getByRole("alert")).toBeVisible();
    await expect(dialog.getByText("At least 12 characters.", { exact: true })).toBeVisible();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "New user" })).toBeFocused();
    await page.reload();
    await expect(page.getByRole("table", { name: /^Users/ }).getByText(email)).toHaveCount(0);

    await page.getByRole("button", { name: "New user" }).click();
    await dialog.getByLabel("Name").fill(`Nora New ${stamp}`);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Initial password").fill(`pw-${stamp}-long-enough`);
    await dialog.getByLabel("Reason (for the audit log, optional)").fill("Joined the PMO");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `User ${email} created.` })).toBeVisible();
    await expect(
      page
        .getByRole("table", { name: /^Users/ })
        .getByRole("row")
        .filter({ hasText: email }),
    ).toBeVisible();
    // The audited path: the audit trail has it.
    await page.goto(`/admin/audit?action=user.create`);
    await expect(page.getByText(email).first()).toBeVisible();
  });

  test("a signed-in non-admin is told the page is not allowed; an unknown project stays not found", async ({ page }) => {
    await signInAs(page, "staff");
    for (const path of [
      "/admin",
      "/admin/organization",
      "/admin/audit",
      "/admin/deliveries",
      "/admin/reporting",
      "/admin/import",
      "/admin/capex",
      "/admin/tokens",
      "/admin/webhooks",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page);
    const unknown = await page.goto("/projects/no-such-project");
    expect(unknown?.status()).toBe(404);
  });
});

test.describe("a shared view for a reader who is not signed in (item 7)", () => {
  test("opens with its filters and columns", async ({ page, browser }) => {
    await signInAs(page, "staff");
    const name = `Africa health ${Date.now()}`;
    const created = await page.request.post("/api/views", {
      data: { name, query: "region=AFRICA&sort=name", columns: ["name", "health"], shared: true },
      headers: { Origin: origin() },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const context = await browser.newContext({ baseURL: origin() });
    const anonymous = await context.newPage();
    await anonymous.goto(`/projects?view=${id}`);
    await expect(anonymous).toHaveURL(/region=AFRICA/);
    await expect(anonymous.getByText(`View: ${name}`)).toBeVisible();
    await expect(anonymous.getByText("is not shared with you")).toHaveCount(0);
    await expect(table(anonymous).getByRole("columnheader")).toHaveCount(2);
    await expect(rowNames(anonymous)).toHaveText(["Khoemacau Copper Mine", "Kinsevere Copper Mine Expansion"]);
    // The long URL (view plus its filters) keeps the columns too.
    await anonymous.reload();
    await expect(table(anonymous).getByRole("columnheader")).toHaveCount(2);
    await expectNoSeriousA11yViolations(anonymous);
    await context.close();
  });
});

test.describe("the Chinese interface (item 6)", () => {
  test.use({ locale: "zh-CN" });
  test("names the province in Chinese, the importer in Chinese, and tags imported English", async ({ page }) => {
    await page.goto("/projects/huangshaping-deep-peripheral-lead-zinc-mining");
    await expect(page.getByRole("definition").filter({ hasText: /^湖南$/ })).toBeVisible();
    const history = page.getByRole("region", { name: "变更记录" });
    await expect(history.getByText("来源导入").first()).toBeVisible();
    await expect(history.getByText("Source import")).toHaveCount(0);
    const imported = history
      .locator('[lang="en"]')
      .filter({ hasText: /^Imported from / })
      .first();
    await expect(imported).toBeVisible();
    await expect(imported.locator("xpath=..").getByText("英文", { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
