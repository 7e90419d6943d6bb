import { DEMO_LOGINS, expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const header = (page: import("@playwright/test").Page) => page.getByRole("banner");

test.describe("sign in and out", () => {
  test("a wrong password is refused; the right one signs in and returns to the page; sign out ends it", async ({ page }) => {
    const { email, password, name } = DEMO_LOGINS.executive;
    await page.goto("/projects/kinsevere-copper-expansion");
    await header(page).getByRole("link", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects%2Fkinsevere-copper-expansion$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    // Empty fields: the shared schema answers at once, next to each field.
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("group", { name: "There is a problem" });
    await expect(summary).toContainText("Wrong email or password.");
    await expect(summary).toBeFocused();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(header(page).getByText(name)).toHaveCount(0);

    await page.getByLabel("Password").fill(password);
    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/projects\/kinsevere-copper-expansion$/);
    await expect(header(page).getByText(name)).toBeVisible();
    await expect(header(page).getByText("Executive", { exact: true })).toBeVisible();
    await expect(header(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);

    await header(page).getByRole("button", { name: "Sign out" }).click();
    // Signing out lands on the home page, anonymous.
    await expect(page).toHaveURL(/localhost:\d+\/(projects|dashboard)?$/);
    await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(header(page).getByText(name)).toHaveCount(0);
    // The session is gone on the server too.
    const session = await page.request.get("/api/auth/get-session");
    expect(await session.json()).toBeNull();
  });

  test("an address outside the site is never a return target", async ({ page }) => {
    const { email, password } = DEMO_LOGINS.staff;
    await page.goto("/sign-in?next=//evil.example/steal");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
    // safeReturnPath turns it into "/", the home page (which may show the dashboard or redirect to the list).
    await expect(page).toHaveURL(/localhost:\d+\/(projects|dashboard)?$/);
    await expect(header(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("the sign-in page has no serious accessibility violations", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByLabel("Email")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
