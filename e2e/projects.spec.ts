import type { Page } from "@playwright/test";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { nameSortKey } from "../lib/projects/name-sort-key";
import { regionOfCountry } from "../lib/projects/regions";
import type { SeedProject } from "../lib/db/seed-types";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { multiSelect, optionLabels, toggleOptions } from "./multi-select";

// Runs against the seeded Minmetals portfolio (prisma/seed/minmetals-2024.ts); what a filter
// should list is computed from the seed, so the tests follow the seed's facts.
const seeded = minmetalsPortfolio.projects;
// Room for the projects other specs add meanwhile too (e2e/fixtures.ts; their names sort after the seed's).
const PAGE_SIZE_FOR_ALL = 100;
/** English names of the seeded projects that match, in the list's name order. */
const seededNames = (match: (p: SeedProject) => boolean, dir: "asc" | "desc" = "asc") => {
  const names = seeded.filter(match).map((p) => p.nameEn);
  names.sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));
  return dir === "asc" ? names : names.reverse();
};

/** The list's table (its caption starts with "Projects"). */
const projectsTable = (page: Page) => page.getByRole("table", { name: /^Projects/ });
/** English names of the listed projects, in order: each row's header cell links to the project. */
const projectNames = (page: Page) => projectsTable(page).getByRole("rowheader").getByRole("link");
const resultCount = (page: Page) => page.getByRole("status").filter({ hasText: /^(\d+ projects?|No projects)$/ });

/** Opens the list and waits until it is interactive (the no-JavaScript "Apply filters" button goes then). */
async function openList(page: Page, url = "/projects") {
  const response = await page.goto(url);
  await expect(page.getByLabel("Search projects")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  return response;
}

// Each test reads the seeded portfolio or works on a fresh project of its own: they may run side by side.
test.describe.configure({ mode: "parallel" });

test.describe("projects list", () => {
  test("lists the seeded projects", async ({ page }) => {
    await openList(page);
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
    await expect(projectNames(page).filter({ hasText: "Khoemacau Copper Mine" })).toBeVisible();
    await expect(projectNames(page).filter({ hasText: "Las Bambas Copper Mine" })).toBeVisible();
    await expect(resultCount(page)).toHaveText(/^\d+ projects$/);
    const count = Number((await resultCount(page).textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThanOrEqual(20);
    // The Chinese name is shown under the English one, marked as Chinese.
    const lasBambas = projectsTable(page).getByRole("rowheader").filter({ hasText: "Las Bambas Copper Mine" });
    await expect(lasBambas.getByText("拉斯邦巴斯铜矿")).toHaveAttribute("lang", "zh-CN");
  });

  test("filters by region, and back restores the previous list", async ({ page }) => {
    await openList(page);
    await toggleOptions(page, "Region", ["Africa"]);
    await expect(page).toHaveURL(/[?&]region=AFRICA(&|$)/);
    await expect(projectNames(page)).toHaveText(["Khoemacau Copper Mine", "Kinsevere Copper Mine Expansion"]);
    await expect(resultCount(page)).toHaveText("2 projects");
    // Only Africa's countries are offered once Africa is chosen.
    expect(await optionLabels(page, "Country")).toEqual(["Botswana", expect.stringMatching(/Congo/)]);

    await page.goBack();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(multiSelect(page, "Region")).toHaveAccessibleName("Region All");
    await expect(projectNames(page).filter({ hasText: "Las Bambas Copper Mine" })).toBeVisible();
  });

  test("filters by stage and health", async ({ page }) => {
    await openList(page);
    await toggleOptions(page, "Stage", ["Completed"]);
    await expect(page).toHaveURL(/[?&]stage=COMPLETED(&|$)/);
    await expect(projectNames(page).filter({ hasText: "Kinsevere Copper Mine Expansion" })).toBeVisible();
    await expect(projectNames(page).filter({ hasText: "Las Bambas Copper Mine" })).toHaveCount(0);
    await expect(projectsTable(page).getByRole("cell", { name: "Operation", exact: true })).toHaveCount(0);

    await toggleOptions(page, "Health", ["On track"]);
    await expect(page).toHaveURL(/[?&]health=ON_TRACK(&|$)/);
    await expect(page).toHaveURL(/[?&]stage=COMPLETED(&|$)/);
    const expected = seededNames((p) => p.stage === "COMPLETED" && p.health === "ON_TRACK");
    expect(expected.length).toBeGreaterThan(0);
    await expect(projectNames(page)).toHaveText(expected);
  });

  test("searches English names", async ({ page }) => {
    await openList(page);
    const search = page.getByLabel("Search projects");
    await search.pressSequentially("bambas", { delay: 40 });
    await expect(page).toHaveURL(/[?&]q=bambas(&|$)/);
    await expect(projectNames(page)).toHaveText(["Las Bambas Copper Mine"]);
    // Typing is never overwritten by the navigation it causes.
    await expect(search).toHaveValue("bambas");
    await expect(search).toBeFocused();
  });

  test("searches Chinese names", async ({ page }) => {
    await openList(page);
    await page.getByLabel("Search projects").fill("铜矿");
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(projectNames(page).filter({ hasText: "Las Bambas Copper Mine" })).toBeVisible();
    await expect(projectNames(page).filter({ hasText: "Kinsevere Copper Mine Expansion" })).toBeVisible();
    // Exactly the projects whose Chinese name contains 铜矿, then (铜矿 = copper mine) the other copper projects.
    const named = (p: SeedProject) => p.nameZh?.includes("铜矿") === true;
    await expect(projectNames(page)).toHaveText([...seededNames(named), ...seededNames((p) => !named(p) && p.commodities.includes("copper"))]);
  });

  test("shows an empty state with a reset link", async ({ page }) => {
    await openList(page, "/projects?q=no-such-project-anywhere");
    await expect(resultCount(page)).toHaveText("No projects");
    await expect(page.getByRole("heading", { name: "No projects match these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Reset filters" }).last().click();
    await expect(page).toHaveURL(/\/projects$/);
    await expect(page.getByLabel("Search projects")).toHaveValue("");
    await expect(projectNames(page).first()).toBeVisible();
  });

  test("sorts by name, descending", async ({ page }) => {
    test.setTimeout(60_000); // a page of the whole portfolio, on a loaded machine
    // One page holds the whole portfolio, so the last name descending is the first ascending.
    await openList(page, `/projects?pageSize=${PAGE_SIZE_FOR_ALL}`);
    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    const firstAscending = await projectNames(page).first().textContent();

    await nameHeader.getByRole("link", { name: "Name" }).click();
    await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
    await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
    await expect(projectNames(page).first()).not.toHaveText(firstAscending ?? "");
    const names = await projectNames(page).allTextContents();
    expect(names.at(-1)).toBe(firstAscending);

    // Another column starts ascending and the Name header loses its sort state.
    await page.getByRole("columnheader", { name: "Stage" }).getByRole("link").click();
    await expect(page).toHaveURL(/[?&]sort=stage(&|$)/);
    await expect(page.getByRole("columnheader", { name: "Stage" })).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByRole("columnheader", { name: "Name" })).not.toHaveAttribute("aria-sort", /.*/);
    // "Next milestone" is not sortable.
    await expect(page.getByRole("columnheader", { name: "Next milestone" }).getByRole("link")).toHaveCount(0);
  });

  test("pages through the list 10 at a time", async ({ page }) => {
    await openList(page);
    await page.getByLabel("Rows per page").selectOption("10");
    await expect(page).toHaveURL(/[?&]pageSize=10(&|$)/);
    await expect(projectNames(page)).toHaveCount(10);
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
    const firstPage = await projectNames(page).allTextContents();

    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
    await expect(projectNames(page).first()).not.toHaveText(firstPage[0]);

    await page.getByRole("link", { name: "Previous page" }).click();
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
    await expect(projectNames(page)).toHaveText(firstPage);
    // No previous page from page 1.
    await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  });

  test("a shared URL restores the filters", async ({ page }) => {
    await openList(page, "/projects?region=AFRICA&health=ON_TRACK&q=copper&sort=name&dir=desc");
    await expect(multiSelect(page, "Region")).toHaveAccessibleName("Region Africa");
    await expect(multiSelect(page, "Health")).toHaveAccessibleName("Health On track");
    await expect(page.getByLabel("Search projects")).toHaveValue("copper");
    await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
    const expected = seededNames(
      (p) => regionOfCountry(p.countryCode) === "AFRICA" && p.health === "ON_TRACK" && `${p.nameEn} ${p.summary}`.toLowerCase().includes("copper"),
      "desc",
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect(projectNames(page)).toHaveText(expected);
  });

  test("filters by programme: a programme's parts, with a chip that removes the filter", async ({ page, projectsBeyondSeed }) => {
    const programme = seeded.find((p) => p.kind === "PROGRAMME" && seeded.some((x) => x.programme === p.slug))!;
    await openList(page, `/projects?programme=${programme.slug}`);
    await expect(projectNames(page)).toHaveText(seededNames((p) => p.programme === programme.slug));
    await page
      .getByRole("group", { name: "Active filters" })
      .getByRole("link", { name: new RegExp(`Programme: ${programme.slug}`) })
      .click();
    await expect(page).toHaveURL(/\/projects$/);
    // The seed's projects and those other specs have added.
    await expect(async () => {
      await openList(page);
      await expect(resultCount(page)).toHaveText(`${seeded.length + (await projectsBeyondSeed())} projects`, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  });

  test("ignores invalid URL parameters and says which", async ({ page }) => {
    const response = await openList(page, "/projects?stage=NOPE&foo=1&page=-3");
    expect(response?.status()).toBe(200);
    const notice = page.getByRole("status").filter({ hasText: "Ignored invalid parameters:" });
    await expect(notice).toBeVisible();
    for (const name of ["Stage", "“foo”", "Page"]) await expect(notice).toContainText(name);
    await expect(projectNames(page).filter({ hasText: "Khoemacau Copper Mine" })).toBeVisible();
    await expect(multiSelect(page, "Stage")).toHaveAccessibleName("Stage All");
  });

  test("the filter form works before JavaScript has loaded", async ({ page }) => {
    // Without the app's scripts the filters are a plain GET form with a submit button.
    await page.route(/\/_next\/static\/.+\.js(\?|$)/, (route) => route.abort());
    await page.goto("/projects");
    // Each multi-select is a <details> of native checkboxes until the scripts run.
    await page.getByText("Region", { exact: true }).locator("xpath=following-sibling::details[1]/summary").click();
    await page.getByRole("checkbox", { name: "Africa", exact: true }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]region=AFRICA(&|$)/);
    await expect(projectNames(page)).toHaveText(["Khoemacau Copper Mine", "Kinsevere Copper Mine Expansion"]);
    await expect(page.getByRole("checkbox", { name: "Africa", exact: true, includeHidden: true })).toBeChecked();
  });

  test("is keyboard operable from the skip link", async ({ page }) => {
    await openList(page);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    await multiSelect(page, "Region").focus();
    await page.keyboard.press("Enter"); // opens the list on its first option
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/[?&]region=CHINA(&|$)/);
    await page.keyboard.press("Escape");
    await expect(multiSelect(page, "Region")).toBeFocused();
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await openList(page);
    await expect(projectNames(page).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
