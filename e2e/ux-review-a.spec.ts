import type { Locator, Page } from "@playwright/test";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

/**
 * Issue 17 (the hands-on review), items 5, 10, 12, 22 and 26: the timeline's
 * scale, the header and table at tablet widths, the map's markers, the date
 * pickers by precision, and column resizing.
 */
const seeded = minmetalsPortfolio.projects;

/** How many lines an element's text takes (1 when it does not wrap). */
function textLines(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const tops = new Set<number>();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return tops.size;
  });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, "element is laid out").not.toBeNull();
  return b!;
}

const projectsTable = (page: Page) => page.getByRole("table", { name: /^Projects, sorted by/ });

test.describe("timeline scale (item 5)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("fills the chart, keeps every milestone whole beside the name column, and 'Today' on one line", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/projects/timeline");
    const chart = page.getByRole("region", { name: "Timeline chart (scrolls sideways)" });
    await expect(chart.getByRole("rowheader").first()).toBeVisible();
    const region = await box(chart);
    const nameColumn = await box(chart.getByRole("columnheader", { name: "Project" }));
    const nameRight = nameColumn.x + nameColumn.width;

    // The seeded span is short (2024 to today): it fills the chart instead of a third of it.
    const axis = await box(chart.getByRole("columnheader", { name: "Dates" }));
    expect(axis.x + axis.width).toBeGreaterThanOrEqual(region.x + region.width - 4);

    const markers = chart.getByRole("img", { name: /^Milestone / });
    expect(await markers.count()).toBeGreaterThan(0);
    for (const marker of await markers.all()) {
      const b = await box(marker);
      // A rotated square: its drawn corners reach about 0.2 of its side beyond the box.
      expect(b.x, (await marker.getAttribute("aria-label")) ?? "").toBeGreaterThanOrEqual(nameRight);
    }
    const today = chart.getByText("Today", { exact: true });
    expect(await textLines(today)).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("tablet widths (item 10)", () => {
  test.describe.configure({ timeout: 120_000 });

  for (const width of [768, 820, 1024]) {
    test(`at ${width} px: header controls on one line, the table scrolls in its box with the names fixed, nothing clipped`, async ({ page }) => {
      await page.setViewportSize({ width, height: 1000 });
      await signInAs(page, "admin"); // the longest header: every navigation item and the user's name
      await page.goto("/projects?view=none");
      await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden(); // hydrated

      const header = page.getByRole("banner");
      const controls = header.locator("a, button");
      expect(await controls.count()).toBeGreaterThan(5);
      for (const control of await controls.all()) {
        if (!(await control.isVisible())) continue;
        expect(await textLines(control), `${await control.textContent()} wraps`).toBeLessThanOrEqual(1);
      }
      await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();

      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

      const table = projectsTable(page);
      const scroller = table.locator("xpath=..");
      const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
      if (width < 1024) expect(overflow, "the table is wider than its box at this width").toBeGreaterThan(0);
      if (overflow > 0) {
        const firstName = table.getByRole("rowheader").first();
        const before = await box(firstName);
        await scroller.evaluate((el) => el.scrollBy({ left: 300 }));
        await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
        const after = await box(firstName);
        expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(1);
        // Scrolled under the name column, a later column's cell is hidden behind it, not drawn over it.
        const scrollerBox = await box(scroller);
        expect(after.x).toBeLessThanOrEqual(scrollerBox.x + 1);
        await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
      }

      // Health badges: whole, on one line, inside their cells.
      const badges = table.getByRole("cell").filter({ hasText: /^(On track|At risk|Off track|Not assessed)$/ });
      expect(await badges.count()).toBeGreaterThan(0);
      for (const cell of (await badges.all()).slice(0, 8)) {
        const badge = cell.locator("span").first();
        expect(await textLines(badge)).toBe(1);
        expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        const b = await box(badge);
        const c = await box(cell);
        expect(b.x + b.width).toBeLessThanOrEqual(c.x + c.width + 0.5);
      }
    });
  }
});

test.describe("map markers (item 12)", () => {
  test.describe.configure({ timeout: 90_000 });
  const worldMap = (page: Page) => page.getByRole("list", { name: /^World/ });
  const chinaMap = (page: Page) => page.getByRole("list", { name: "China and neighbouring countries" });

  test("every marker drawn is operable; the inset shows China by province", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/dashboard");
    await expect(worldMap(page).getByRole("listitem").first()).toBeVisible();

    // No marker is only a drawing: each one is a link or a button with a name.
    for (const map of [worldMap(page), chinaMap(page)]) {
      const items = map.locator("li");
      const count = await items.count();
      expect(count).toBeGreaterThan(0);
      await expect(map.getByRole("listitem")).toHaveCount(count);
      for (const item of await items.all()) await expect(item.locator("a[aria-label], button[aria-label]")).toHaveCount(1);
    }

    // The world map's China disc works like the inset's did: the country's breakdown and a link to all of it.
    const inChina = seeded.filter((p) => p.countryCode === "CN");
    const china = worldMap(page).getByRole("button", { name: new RegExp(`^China: ${inChina.length} projects \\(`) });
    await expect(china).toBeEnabled();
    await china.click();
    const chinaPopover = page.getByRole("dialog", { name: "China" });
    await expect(chinaPopover.getByRole("link", { name: `View all ${inChina.length} projects in China` })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(chinaPopover).toBeHidden();

    // The inset: a marker per province, by keyboard too.
    const inHunan = inChina.filter((p) => p.subdivision === "Hunan" && p.latitude == null);
    expect(inHunan.length).toBeGreaterThan(1);
    const hunan = chinaMap(page).getByRole("button", { name: new RegExp(`^Hunan, China: ${inHunan.length} projects \\(`) });
    await hunan.focus();
    await page.keyboard.press("Enter");
    const hunanPopover = page.getByRole("dialog", { name: "Hunan, China" });
    for (const p of inHunan)
      await expect(hunanPopover.getByRole("link", { name: new RegExp(`^${p.nameEn.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press("Escape");
    // Provinces the seed names are each on the inset, and none stands in for China as a whole there.
    const provinces = new Set(inChina.filter((p) => p.subdivision && p.latitude == null).map((p) => p.subdivision!));
    for (const province of provinces)
      await expect(
        chinaMap(page)
          .getByRole("listitem")
          .filter({ has: page.getByLabel(new RegExp(`^(.+, )?${province}, China`)) }),
      ).toHaveCount(1);
  });
});

test.describe("date pickers by precision and a missing comment said once (item 22)", () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ role: "manager" });

  test("a 30 June forecast with Month precision is stored and shown as June; a missing comment is said once", async ({ page, freshProject }) => {
    const SLUG = freshProject.slug; // a project of the test's own, with no forecast finish yet
    {
      await page.goto(`/projects/${SLUG}`);
      const form = page.getByRole("region", { name: "Update status" });
      await expect(form.getByLabel("Forecast finish precision")).toBeEnabled(); // hydrated
      await form.getByLabel("Forecast finish precision").selectOption({ label: "Day" });
      await form.getByLabel("Forecast finish date").fill("2031-06-30");
      // Coarser precision: the picker becomes a month picker, on the month the day was in.
      await form.getByLabel("Forecast finish precision").selectOption({ label: "Month" });
      const month = form.getByLabel("Forecast finish month");
      await expect(month).toHaveAttribute("type", "month");
      await expect(month).toHaveValue("2031-06");
      await expect(form.getByLabel("Forecast finish date")).toHaveCount(0);
      // A quarter is a year and a quarter; a year is a year.
      await form.getByLabel("Forecast finish precision").selectOption({ label: "Quarter" });
      await expect(form.getByLabel("Forecast finish year")).toHaveValue("2031");
      await expect(form.getByLabel("Forecast finish quarter")).toHaveValue("2");
      await form.getByLabel("Forecast finish precision").selectOption({ label: "Month" });
      await month.fill("2031-06");

      // The project has no forecast yet: a first one needs no comment.
      await form.getByRole("button", { name: "Save update" }).click();
      await expect(form.getByRole("status")).toHaveText("Saved. The update is at the top of the history.");
      await expect(form.getByLabel("Forecast finish month")).toHaveValue("2031-06");
      const after = await (await page.request.get(`/api/projects/${SLUG}`)).json();
      expect(after.forecastFinish).toEqual({ date: "2031-06-01", precision: "MONTH" });

      await page.reload();
      await expect(form.getByLabel("Forecast finish precision")).toHaveValue("MONTH");
      await expect(form.getByLabel("Forecast finish month")).toHaveValue("2031-06");
      await expect(page.getByText("Jun 2031").first()).toBeVisible();

      // A later forecast needs a comment: said once at the field, and linked from the summary, not a third time in the hint.
      await form.getByLabel("Forecast finish month").fill("2031-09");
      const comment = form.getByLabel("Comment (required)");
      await expect(comment).toHaveAccessibleDescription("Required because the forecast finish slips.");
      await form.getByRole("button", { name: "Save update" }).click();
      await expect(form.getByRole("link", { name: "A comment is required when the forecast finish slips." })).toHaveCount(1);
      await expect(form.getByText(/forecast finish slips/i)).toHaveCount(2); // the summary's link and the field's error
      await expect(comment).toHaveAccessibleDescription("A comment is required when the forecast finish slips.");
      await expectNoSeriousA11yViolations(page);
    }
  });
});

test.describe("the projects table at 1440 px (item 26)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("the Name column has room; a column resizes by dragging its grip or by the arrow keys", async ({ page }) => {
    // Not signed in: the widths last for the page only, so no shared preference changes.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/projects?view=none");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden(); // hydrated
    const table = projectsTable(page);
    const name = table.getByRole("columnheader", { name: /^Name/ });
    expect((await box(name)).width).toBeGreaterThanOrEqual(256);
    // ... and the default columns still fit beside it, without scrolling.
    expect(await table.locator("xpath=..").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    const url = page.url();
    const stage = table.getByRole("columnheader", { name: /^Stage/ });
    const grip = table.getByRole("separator", { name: "Resize Stage" });
    const start = (await box(stage)).width;
    const g = await box(grip);
    await page.mouse.move(g.x + g.width / 2, g.y + g.height / 2);
    await page.mouse.down();
    await page.mouse.move(g.x + g.width / 2 + 60, g.y + g.height / 2, { steps: 6 });
    await page.mouse.move(g.x + g.width / 2 + 120, g.y + g.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box(stage)).width - start)).toBeGreaterThanOrEqual(117);
    expect(Math.round((await box(stage)).width - start)).toBeLessThanOrEqual(123);
    expect(page.url()).toBe(url); // the drag did not sort
    const dragged = Number(await grip.getAttribute("aria-valuenow"));

    await grip.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowLeft");
    await expect(grip).toHaveAttribute("aria-valuenow", String(dragged - 30));

    // The settings' number box shows the same width.
    await page.getByText("Table settings", { exact: true }).click();
    await expect(page.getByLabel("Width of Stage (pixels)")).toHaveValue(String(dragged - 30));
    await page.keyboard.press("Escape");
    await expectNoSeriousA11yViolations(page);
  });
});
