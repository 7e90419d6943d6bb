import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

// Runs against the seeded Minmetals portfolio; each test names its view uniquely.
const rowNames = (page: import("@playwright/test").Page) =>
  page
    .getByRole("table", { name: /^Projects/ })
    .getByRole("rowheader")
    .getByRole("link");

/** Waits until the list is interactive (the no-JavaScript "Apply filters" button goes then). */
async function ready(page: import("@playwright/test").Page) {
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
}

test.describe("saved views and exports", () => {
  test.setTimeout(120_000);
  test("staff saves a shared view; an executive opens its link and sees the same rows; the owner deletes it", async ({ page, browser }) => {
    await signInAs(page, "staff");
    await page.goto("/projects?region=AFRICA&sort=name&view=none");
    await expect(rowNames(page)).toHaveText(["Khoemacau Copper Mine", "Kinsevere Copper Mine Expansion"]);
    await ready(page);
    const name = `Africa ${Date.now()}`;
    await page.getByText("Save view", { exact: true }).click();
    await page.getByLabel("View name").fill(name);
    await page.getByLabel("Share with everyone").check();
    await page.getByRole("button", { name: "Save as new view" }).click();
    await expect(page).toHaveURL(/[?&]view=[0-9a-f-]{36}/);
    const viewId = new URL(page.url()).searchParams.get("view")!;
    await expect(page.getByText(`View: ${name}`)).toBeVisible();

    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const other = await context.newPage();
    await signInAs(other, "executive");
    await other.goto(`/projects?view=${viewId}`);
    await expect(other).toHaveURL(/region=AFRICA/);
    await expect(rowNames(other)).toHaveText(["Khoemacau Copper Mine", "Kinsevere Copper Mine Expansion"]);
    await expectNoSeriousA11yViolations(other);
    // not the owner: no delete
    await expect(other.getByRole("button", { name: "Delete view" })).toHaveCount(0);

    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Delete view" }).click();
    await expect(page).toHaveURL(/view=none/);
    await other.goto(`/projects?view=${viewId}`);
    await expect(other.getByText("That view does not exist or is not shared with you")).toBeVisible();
    await context.close();
  });

  test("a default view opens at /projects; a view whose filters match nothing shows the empty list, not an error", async ({ page, makeUser }) => {
    // A user of the test's own: a default view changes what /projects opens for its owner, in every spec.
    await signInAs(page, await makeUser("manager"));
    // Nothing is both in Europe and in China: a saved filter that matches no project.
    await page.goto("/projects?region=EUROPE&q=zzzz-no-such-project&view=none");
    await ready(page);
    await expect(page.getByRole("status").filter({ hasText: /^No projects$/ })).toBeVisible();
    const name = `Nothing ${Date.now()}`;
    await page.getByText("Save view", { exact: true }).click();
    await page.getByLabel("View name").fill(name);
    await page.getByLabel("Open this view by default").check();
    await page.getByRole("button", { name: "Save as new view" }).click();
    await expect(page.getByText(`View: ${name}`)).toBeVisible();
    const viewId = new URL(page.url()).searchParams.get("view")!;
    // The default opens on a plain /projects, with its filters in the URL.
    await page.goto("/projects");
    await expect(page).toHaveURL(new RegExp(`view=${viewId}`));
    await expect(page).toHaveURL(/q=zzzz-no-such-project/);
    await expect(page.getByRole("status").filter({ hasText: /^No projects$/ })).toBeVisible();
    // view=none opts out; deleting the view clears the default.
    await page.goto("/projects?view=none");
    await expect(page).toHaveURL(/\/projects\?view=none$/);
    await page.goto(`/projects?view=${viewId}`);
    await ready(page);
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Delete view" }).click();
    await expect(page).toHaveURL(/view=none/);
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/projects$/);
  });

  test("the CSV export holds exactly the table's rows and visible columns, with a BOM", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/projects?region=LATIN_AMERICA&sort=name&view=none");
    await ready(page);
    const names = await rowNames(page).allTextContents();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^lodestone-projects-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await (await import("node:fs/promises")).readFile(await file.path())).toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0].startsWith("Name,Chinese name,Region,Country")).toBe(true);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(names);
    expect(text).toContain("拉斯邦巴斯铜矿");
  });

  test("exports are refused with a bad column, and views need sign-in", async ({ request }) => {
    expect((await request.get("/api/projects/export?columns=secret")).status()).toBe(400);
    expect((await request.get("/api/views")).status()).toBe(401);
  });
});
