import type { Browser, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

/**
 * The admin page. Tests act on users they create (through the app's audited
 * admin API, as the demo admin), never on the demo users other specs sign in as.
 */
const XIONGAN = { slug: "xiongan-itc-terminal", name: "Xiong'an New Area International Trade Center Terminal" };

async function createUser(page: Page, role: "staff" | "manager", label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const user = { email: `${label}-${stamp}@lodestone.local`, password: `pw-${stamp}-long-enough`, name: `${label[0].toUpperCase()}${label.slice(1)} ${stamp}` };
  const res = await page.request.post("/api/admin/create-user", {
    data: { ...user, role },
    headers: { Origin: test.info().project.use.baseURL! },
  });
  expect(res.status(), await res.text()).toBe(200);
  return user;
}

/** A separate browser context signed in as the given user. */
async function signedInPage(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = test.info().project.use.baseURL!;
  const res = await page.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: { Origin: origin } });
  expect(res.status()).toBe(200);
  return page;
}

const userRow = (page: Page, email: string) =>
  page
    .getByRole("table", { name: /^Users/ })
    .getByRole("row")
    .filter({ hasText: email });

test.describe("admin page", () => {
  test("lists users with their roles and has no serious accessibility violations", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/projects");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Users and roles" })).toBeVisible();
    const manager = userRow(page, "manager@lodestone.local");
    await expect(manager.getByRole("combobox", { name: "Role of Mei Manager" })).toHaveValue("manager");
    await expect(manager.getByRole("list", { name: "Projects managed by Mei Manager" })).toContainText("Kinsevere Copper Mine Expansion");
    // An admin cannot demote or disable themselves.
    const self = userRow(page, "admin@lodestone.local");
    await expect(self).toContainText("(you)");
    await expect(self.getByRole("combobox")).toHaveCount(0);
    await expect(self.getByRole("button", { name: /^Disable/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("changes a role and assigns the new manager to a project", async ({ page, browser }) => {
    await signInAs(page, "admin");
    const user = await createUser(page, "staff", "engineer");
    await page.goto("/admin");
    const row = userRow(page, user.email);
    await expect(row.getByRole("combobox", { name: `Role of ${user.name}` })).toHaveValue("staff");
    await expect(row).toContainText("Only managers are assigned to projects.");

    await row.getByRole("combobox", { name: `Role of ${user.name}` }).selectOption({ label: "Manager" });
    await row.getByRole("button", { name: `Save role of ${user.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${user.name} is now Manager.` })).toBeVisible();

    await row.getByRole("combobox", { name: `Assign ${user.name} to a project` }).selectOption({ label: XIONGAN.name });
    await row.getByRole("button", { name: `Assign ${user.name} to the chosen project` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${user.name} now manages ${XIONGAN.name}.` })).toBeVisible();
    await expect(row.getByRole("list", { name: `Projects managed by ${user.name}` })).toContainText(XIONGAN.name);

    // The new manager can now edit that project, and only that one.
    const theirs = await signedInPage(browser, user);
    await theirs.goto(`/projects/${XIONGAN.slug}`);
    await expect(theirs.getByRole("region", { name: "Update status" })).toBeVisible();
    await theirs.goto("/projects/kinsevere-copper-expansion");
    await expect(theirs.getByRole("heading", { level: 1, name: /Kinsevere/ })).toBeVisible();
    await expect(theirs.getByRole("region", { name: "Update status" })).toHaveCount(0);

    // Unassigning takes the controls away again.
    await row.getByRole("button", { name: `Unassign ${user.name} from ${XIONGAN.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${user.name} no longer manages ${XIONGAN.name}.` })).toBeVisible();
    await theirs.goto(`/projects/${XIONGAN.slug}`);
    await expect(theirs.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(theirs.getByRole("region", { name: "Update status" })).toHaveCount(0);
    await theirs.context().close();
  });

  test("disabling a user ends their session at once", async ({ page, browser }) => {
    await signInAs(page, "admin");
    const user = await createUser(page, "staff", "contractor");
    const theirs = await signedInPage(browser, user);
    await theirs.goto("/projects");
    await expect(theirs.getByRole("banner").getByText(user.name)).toBeVisible();

    await page.goto("/admin");
    const row = userRow(page, user.email);
    await row.getByRole("button", { name: `Disable ${user.name}` }).click();
    // A modal confirmation: the table does not re-flow under it.
    const confirm = page.getByRole("dialog", { name: `Confirm disabling ${user.name}` });
    await confirm.getByRole("button", { name: "Disable now" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: `${user.name} is disabled and signed out.` })).toBeVisible();
    await expect(row).toContainText("Disabled");

    // Their next request is anonymous: the header offers "Sign in", the API answers 401 to writes.
    await theirs.reload();
    await expect(theirs.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(theirs.getByRole("banner").getByText(user.name)).toHaveCount(0);
    const write = await theirs.request.patch("/api/projects/kinsevere-copper-expansion", {
      data: { version: 1, progressPercent: 5 },
      headers: { Origin: test.info().project.use.baseURL! },
    });
    expect(write.status()).toBe(401);
    // And they cannot sign in again until enabled.
    const again = await theirs.request.post("/api/auth/sign-in/email", {
      data: { email: user.email, password: user.password },
      headers: { Origin: test.info().project.use.baseURL! },
    });
    expect(again.status()).toBeGreaterThanOrEqual(400);

    await row.getByRole("button", { name: `Enable ${user.name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${user.name} can sign in again.` })).toBeVisible();
    const back = await theirs.request.post("/api/auth/sign-in/email", {
      data: { email: user.email, password: user.password },
      headers: { Origin: test.info().project.use.baseURL! },
    });
    expect(back.status()).toBe(200);
    await theirs.context().close();
  });
});
