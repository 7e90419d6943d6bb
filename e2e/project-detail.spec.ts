import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

// Kinsevere in the seeded Minmetals portfolio (prisma/seed/minmetals-2024.ts).
const KINSEVERE = "Kinsevere Copper Mine Expansion";

/** Opens the list, waits until it is interactive, and follows the project's link. */
async function openKinsevere(page: Page) {
  await page.goto("/projects");
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  await page.getByRole("link", { name: KINSEVERE }).click();
  await expect(page.getByRole("heading", { level: 1, name: KINSEVERE })).toBeVisible();
}

test.describe("project detail", () => {
  test("shows a project's facts, milestones, history and sources", async ({ page }) => {
    await openKinsevere(page);
    await expect(page).toHaveURL(/\/projects\/[^/?]+$/);
    await expect(page.getByText("金塞维尔铜矿扩建项目").first()).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Projects" })).toBeVisible();

    const facts = page.getByRole("region", { name: "Key facts" });
    await expect(facts.getByRole("term").filter({ hasText: "Stage" })).toBeVisible();
    await expect(facts.getByRole("definition").filter({ hasText: /^Completed$/ })).toBeVisible();
    await expect(facts.getByRole("definition").filter({ hasText: /^On track$/ })).toBeVisible();

    const milestones = page.getByRole("table", { name: /^Milestones of/ });
    const milestone = milestones.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Expansion completed/ }) });
    await expect(milestone).toBeVisible();
    await expect(milestone.getByRole("cell", { name: "Achieved" })).toBeVisible();

    const history = page.getByRole("region", { name: "History" });
    const entries = history.getByRole("listitem").filter({ hasText: "Source import" });
    await expect(entries.first()).toBeVisible();
    await expect(history.getByText("Stage: not set → Completed")).toBeVisible();
    await expect(history.getByText(/^Source: /).first()).toBeVisible();

    const sources = page.getByRole("region", { name: "Sources" });
    await expect(sources.getByRole("blockquote").filter({ hasText: "ahead of schedule" })).toBeVisible();
    await expect(sources.getByText(/China Minmetals Corporation/).first()).toBeVisible();

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Projects" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  });

  test("shows how each fact is known: a quote from the source, a public fact, an inference", async ({ page }) => {
    await page.goto("/projects/las-bambas-copper-mine");
    const basis = page.getByRole("table", { name: "How each fact is known" });
    // The mine's quote does not say it is operating: its stage is a public fact, with the fact stated.
    const stage = basis.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Stage", exact: true }) });
    await expect(stage.getByRole("cell", { name: "Public fact", exact: true })).toBeVisible();
    await expect(stage.getByRole("cell", { name: /commercial production/ })).toBeVisible();
    const country = basis.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Country", exact: true }) });
    await expect(country.getByRole("cell", { name: "Source", exact: true })).toBeVisible();
    // No milestone: the bridge it supported is community work, in the summary.
    // (Other specs add milestones to the demo projects: look for the bridge, not for an empty table.)
    await expect(page.getByRole("table", { name: /^Milestones of/ }).getByRole("rowheader", { name: /Kutuketai/ })).toHaveCount(0);

    await page.goto("/projects/resorts-world-sentosa-hotel-expansion");
    const design = page
      .getByRole("table", { name: "How each fact is known" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Stage", exact: true }) });
    await expect(design.getByRole("cell", { name: "Inferred", exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("a programme lists its parts, and a part names its programme", async ({ page }) => {
    await page.goto("/projects/deep-peripheral-prospecting-programme");
    const parts = page.getByRole("region", { name: "Parts of this programme" });
    await expect(parts.getByRole("listitem")).toHaveCount(5);
    await parts.getByRole("link", { name: "Shizhuyuan Deep and Peripheral Prospecting" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Shizhuyuan Deep and Peripheral Prospecting" })).toBeVisible();
    const partOf = page.getByRole("region", { name: "Part of the programme" });
    await expect(partOf.getByRole("link", { name: "Deep and Peripheral Prospecting Programme (11 Projects)" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await partOf.getByRole("link").click();
    await page.getByRole("link", { name: "Show the 5 parts in the projects table" }).click();
    await expect(page).toHaveURL(/\/projects\?programme=deep-peripheral-prospecting-programme$/);
    await expect(page.getByRole("status").filter({ hasText: /^\d+ projects?$/ })).toHaveText("5 projects");
  });

  test("an unknown project is a 404", async ({ page }) => {
    const response = await page.goto("/projects/no-such-project");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to projects" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await openKinsevere(page);
    await expectNoSeriousA11yViolations(page);
  });
});
