import type { Page } from "@playwright/test";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { regionOfCountry } from "../lib/projects/regions";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

const seeded = minmetalsPortfolio.projects;
const chart = (page: Page) => page.getByRole("region", { name: "Timeline chart (scrolls sideways)" });
const rowLinks = (page: Page) => chart(page).getByRole("rowheader").getByRole("link");

test.describe("timeline", () => {
  test.setTimeout(90_000);

  test("opens from the table with the same filters and shows the same projects in the same order", async ({ page, projectsBeyondSeed }) => {
    await page.goto("/projects?region=AFRICA&sort=name&view=none");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
    const tableNames = await page
      .getByRole("table", { name: /^Projects/ })
      .getByRole("rowheader")
      .getByRole("link")
      .allTextContents();
    expect(tableNames.length).toBe(seeded.filter((p) => regionOfCountry(p.countryCode) === "AFRICA").length);
    await page.getByRole("link", { name: "Timeline", exact: true }).click();
    await expect(page).toHaveURL(/\/projects\/timeline\?region=AFRICA$/); // sorting by name is the default
    await expect(page.getByRole("heading", { level: 1, name: "Timeline" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: /^Showing/ })).toHaveText(`Showing 1–${tableNames.length} of ${tableNames.length} projects`);
    // Row names carry the health ("Khoemacau Copper Mine (On track)"); their text is the name.
    await expect(rowLinks(page)).toHaveText(tableNames);
    // A chip removes a filter and stays on the timeline.
    await page
      .getByRole("group", { name: "Active filters" })
      .getByRole("link", { name: /Africa/ })
      .click();
    await expect(page).toHaveURL(/\/projects\/timeline$/);
    // The seed's projects and those other specs have added (e2e/fixtures.ts).
    await expect(async () => {
      await page.goto("/projects/timeline");
      const n = seeded.length + (await projectsBeyondSeed());
      await expect(page.getByRole("status").filter({ hasText: /^Showing/ })).toContainText(`of ${n} projects`, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  });

  test("each project says its dates in words; milestones take the keyboard focus and name themselves", async ({ page }) => {
    const withMilestones = seeded.find((p) => p.milestones.length > 0)!;
    await page.goto(`/projects/timeline?q=${encodeURIComponent(withMilestones.nameEn)}`);
    const row = chart(page)
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(withMilestones.nameEn) }) });
    await expect(row.getByText(/^(Planned start|Planned finish|Forecast finish|Finished|No dates recorded)/)).toBeAttached();
    const markers = row.getByRole("img", { name: /^Milestone / });
    await expect(markers).toHaveCount(withMilestones.milestones.filter((m) => m.state !== "CANCELLED").length);
    // Keyboard: from the project's link, Tab reaches its first milestone.
    await row.getByRole("link").focus();
    await page.keyboard.press("Tab");
    await expect(markers.first()).toBeFocused();
    await expect(markers.first()).toHaveAccessibleName(new RegExp(`^Milestone ${withMilestones.milestones[0].title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
  });

  test("zooms between years and quarters, and says what it ignored", async ({ page }) => {
    await page.goto("/projects/timeline?region=CHINA");
    const zoom = page.getByRole("navigation", { name: "Zoom" });
    await expect(zoom.getByRole("link", { name: "Years" })).toHaveAttribute("aria-current", "true");
    const yearWidth = await chart(page)
      .locator("table")
      .evaluate((t) => t.scrollWidth);
    await zoom.getByRole("link", { name: "Quarters" }).click();
    await expect(page).toHaveURL(/zoom=quarter/);
    await expect(zoom.getByRole("link", { name: "Quarters" })).toHaveAttribute("aria-current", "true");
    // Four ticks per year at the same tick width: wider than the box, so it scrolls (the years
    // view, a short span, is stretched to fill the box instead: issue 17.5).
    const quarterWidth = await chart(page)
      .locator("table")
      .evaluate((t) => t.scrollWidth);
    expect(quarterWidth).toBeGreaterThan(yearWidth);
    expect(await chart(page).evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await page.goto("/projects/timeline?zoom=week&health=PURPLE");
    await expect(page.getByText("Ignored invalid parameters: Health and Zoom")).toBeVisible();
  });

  test("prints without the toolbar, and has no serious accessibility violations", async ({ page }) => {
    await page.goto("/projects/timeline");
    await expect(rowLinks(page).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Zoom" })).toBeHidden();
    await expect(rowLinks(page).first()).toBeVisible();
  });
});
