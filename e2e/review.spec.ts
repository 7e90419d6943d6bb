import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, FRESH_PROJECT_UNIT, signInAs, test } from "./fixtures";
import { multiSelect, toggleOptions } from "./multi-select";

// Issue 17: what a hands-on review met, each fixed and pinned here.

const card = (page: Page, name: string | RegExp) => page.getByRole("region", { name });
const projectNames = (page: Page) =>
  page
    .getByRole("table", { name: /^Projects/ })
    .getByRole("rowheader")
    .getByRole("link");
// The tests that change a project change a fresh one of their own (e2e/fixtures.ts), through the admin's API.

async function setProgress(api: APIRequestContext, slug: string, progressPercent: number | null) {
  const { version } = (await (await api.get(`/api/projects/${slug}`)).json()) as { version: number };
  const res = await api.patch(`/api/projects/${slug}`, { data: { version, progressPercent } });
  expect(res.status(), await res.text()).toBe(200);
}

async function openDashboardAndMarkVisit(page: Page, url = "/dashboard") {
  const visit = page.waitForResponse((r) => r.url().includes("/dashboard/visit") && r.request().method() === "POST");
  await page.goto(url);
  await expect(page.getByRole("link", { name: /^All projects: / })).toBeVisible();
  expect((await visit).status()).toBe(204);
}

test.describe("since your last visit (item 1)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("survives reloads and a language switch, lists each change with its project, and ends when dismissed", async ({ page, adminApi, makeProject }) => {
    // A reader of a unit of the test's own: what other specs change meanwhile is not theirs to see.
    const unit = `E2E-SINCE-${Date.now().toString(36).toUpperCase()}`;
    const made = await adminApi.post("/api/admin/create-unit", {
      data: { parentCode: FRESH_PROJECT_UNIT, code: unit, nameEn: `E2E unit ${unit}`, reason: "e2e" },
    });
    expect(made.status(), await made.text()).toBeLessThan(300);
    const project = await makeProject({ unit });
    const reader = { email: `${unit.toLowerCase()}@lodestone.local`, password: "a-long-enough-password", name: `Reader ${unit}` };
    const user = await adminApi.post("/api/admin/create-user", { data: { ...reader, role: "staff", unitCode: unit, reason: "e2e" } });
    expect(user.status(), await user.text()).toBeLessThan(300);
    const signIn = await page.request.post("/api/auth/sign-in/email", { data: reader, headers: { Origin: test.info().project.use.baseURL! } });
    expect(signIn.status(), await signIn.text()).toBe(200);
    await openDashboardAndMarkVisit(page);
    await setProgress(adminApi, project.slug, 37);
    {
      const since = card(page, "Since your last visit");
      // The newest entry for this change (one list item per history entry; its changes are a nested list).
      const entry = since.getByRole("list", { name: "Updates since your last visit" }).locator(":scope > li").filter({ hasText: "→ 37%" }).first();
      for (let i = 0; i < 3; i++) {
        // Each reload is a new dashboard view within the same visit: the change stays listed.
        await openDashboardAndMarkVisit(page);
        await expect(entry.getByRole("link", { name: project.name })).toHaveAttribute("href", project.url);
        await expect(entry).toContainText("37%");
      }
      await page.getByRole("button", { name: "中文" }).click();
      await expect(card(page, "自您上次访问以来").getByRole("list", { name: "自您上次访问以来的更新" })).toBeVisible();
      await page.getByRole("button", { name: "English" }).click();
      await expect(entry).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await since.getByRole("button", { name: "Mark all as seen" }).click();
      await expect(since.getByText("Nothing has been recorded since your last visit.")).toBeVisible();
      await openDashboardAndMarkVisit(page);
      await expect(since.getByText("Nothing has been recorded since your last visit.")).toBeVisible();
    }
  });
});

test.describe("one multi-select per filter (item 3)", () => {
  test("a second stage adds to the first, by mouse and by keyboard, on the table", async ({ page }) => {
    test.slow(); // an axe scan with a list open
    await page.goto("/projects");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden(); // hydrated
    await toggleOptions(page, "Stage", ["Operation"]);
    await expect(page).toHaveURL(/[?&]stage=OPERATION(&|$)/);
    await toggleOptions(page, "Stage", ["Construction"]);
    await expect(page).toHaveURL(/stage=OPERATION.*stage=CONSTRUCTION|stage=CONSTRUCTION.*stage=OPERATION/);
    await expect(multiSelect(page, "Stage")).toHaveAccessibleName(/^Stage (Operation or Construction|Construction or Operation)/);
    await expect(projectNames(page).filter({ hasText: "Las Bambas Copper Mine" })).toBeVisible();

    // Keyboard: focus the button, open with ↓, move, check with Space, close with Escape (focus returns).
    const health = multiSelect(page, "Health");
    await health.focus();
    await page.keyboard.press("ArrowDown");
    const list = page.getByRole("listbox", { name: "Health", exact: true });
    await expect(list).toBeFocused();
    await expect(list).toHaveAttribute("aria-multiselectable", "true");
    await page.keyboard.press("Space"); // On track
    await expect(page).toHaveURL(/[?&]health=ON_TRACK(&|$)/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter"); // At risk
    await expect(page).toHaveURL(/health=ON_TRACK.*health=AT_RISK/);
    await expect(list.getByRole("option", { name: "On track" })).toHaveAttribute("aria-selected", "true");
    await expect(list.getByRole("option", { name: "At risk" })).toHaveAttribute("aria-selected", "true");
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press("Escape");
    await expect(list).toBeHidden();
    await expect(health).toBeFocused();

    // An outside click closes it too; "More filters" no longer hides a second copy of these filters.
    await multiSelect(page, "Region").click();
    await expect(page.getByRole("listbox", { name: "Region", exact: true })).toBeVisible();
    await page.getByRole("heading", { level: 1 }).click();
    await expect(page.getByRole("listbox", { name: "Region", exact: true })).toBeHidden();
    await expect(page.getByRole("checkbox", { name: "Construction" })).toHaveCount(0);
  });

  test("the dashboard uses the same control: two regions at once", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: /^All projects: / })).toBeVisible();
    await toggleOptions(page, "Region", ["Africa", "Latin America"]);
    await expect(page).toHaveURL(/region=AFRICA.*region=LATIN_AMERICA/);
    await expect(multiSelect(page, "Region")).toHaveAccessibleName("Region Africa or Latin America");
  });
});

test.describe("the printed summary (item 2)", () => {
  test.describe.configure({ timeout: 120_000 });

  for (const format of ["A4", "Letter"] as const) {
    test(`prints on one ${format} page with the trend's lines, whole names, the unplaced projects and what changed`, async ({ page }, info) => {
      await page.goto("/dashboard");
      await expect(card(page, "Health over time").locator(".trend-line").first()).toBeAttached();
      await page.emulateMedia({ media: "print" });
      // The page's printable width in CSS pixels (landscape, 8 mm margins).
      const width = Math.round(((format === "A4" ? 297 : 279.4) - 16) * (96 / 25.4));
      const height = Math.round(((format === "A4" ? 210 : 215.9) - 16) * (96 / 25.4));
      await page.setViewportSize({ width, height });
      const trend = card(page, "Health over time");
      // The plot itself has room: the chart's drawing area is taller than its axes and legend.
      const plot = await trend.locator(".trend-plot").boundingBox();
      expect(plot?.height ?? 0).toBeGreaterThan(80);
      await expect(trend.locator(".trend-legend").getByText("Off track", { exact: true })).toBeVisible(); // our legend, in print too
      // Business-line names are not cut off.
      const lines = card(page, "Stage, business line and region").getByRole("region", { name: "By business line" });
      for (const name of await lines.getByRole("link").all()) {
        const cut = await name
          .locator("span")
          .first()
          .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
        expect(cut).toBe(false);
      }
      await expect(
        card(page, "Where the projects are")
          .getByRole("region", { name: /without a place on the map/ })
          .getByRole("listitem")
          .first(),
      ).toBeVisible();
      await expect(
        card(page, "What changed").getByRole("list", { name: "Latest updates" }).getByRole("listitem").first().getByRole("listitem").first(),
      ).toBeVisible();
      await info.attach(`dashboard-print-${format}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      const pdf = await page.pdf({ format, landscape: true, printBackground: true });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages).toHaveLength(1);
    });
  }
});

test.describe("the first screen (item 20)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("names the projects off track or at risk above the fold at 1440×900, and the no-country figure is a link", async ({ page, makeProject }) => {
    const project = await makeProject({ health: { health: "AT_RISK", comment: "Curtain-wall supplier late (e2e)" } });
    await checkFirstScreen(page, project.name);
  });
});

async function checkFirstScreen(page: Page, atRisk: string) {
  {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/dashboard");
    const attention = card(page, "Needs attention");
    const first = attention.getByRole("list", { name: "Projects off track or at risk" }).getByRole("listitem").first();
    await expect(first).toBeVisible();
    await expect(first.getByRole("link")).toBeVisible();
    await expect(first).toContainText(/Off track|At risk/);
    await expect(attention.getByRole("listitem").filter({ hasText: "Curtain-wall supplier late (e2e)" }).getByRole("link", { name: atRisk })).toBeVisible();
    const box = await first.boundingBox();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(900);
    await expectNoSeriousA11yViolations(page);

    const none = card(page, "Stage, business line and region").getByRole("link", { name: /^No country or region/ });
    const count = Number((await none.getAttribute("aria-label"))?.match(/(\d+) project/)?.[1]);
    await none.click();
    await expect(page).toHaveURL(/\/projects\?region=NONE$/);
    await expect(page.getByRole("status").filter({ hasText: /^(\d+ projects?|No projects)$/ })).toHaveText(count === 1 ? "1 project" : `${count} projects`);
  }
}

test.describe("smaller fixes", () => {
  test("an unknown project's page says 'Page not found' in its title too (item 18)", async ({ page }) => {
    const res = await page.goto("/projects/no-such-project");
    expect(res?.status()).toBe(404);
    await expect(page).toHaveTitle(/^Page not found/);
  });

  test("the timeline prints without the site header (item 18)", async ({ page }) => {
    await page.goto("/projects/timeline");
    await expect(page.getByRole("banner")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
  });

  test("commodities read the same on the project page as in the table (item 25)", async ({ page }) => {
    await page.goto("/projects/chentaigou-iron-mine");
    const fact = page.getByText(/iron ore/i).first();
    await expect(fact).toHaveCSS("text-transform", "none");
    await expect(fact).toContainText("iron ore");
  });

  test("the Democratic Republic of the Congo is 'DR Congo' in English (item 13)", async ({ page }) => {
    await page.goto("/projects?region=AFRICA");
    await expect(page.getByRole("table", { name: /^Projects/ }).getByRole("cell", { name: "DR Congo", exact: true })).toBeVisible();
    await expect(page.getByText("Congo - Kinshasa")).toHaveCount(0);
  });

  test("an overdue next milestone is flagged in the table (item 17)", async ({ page, adminApi, makeProject }) => {
    const project = await makeProject();
    const added = await adminApi.post(`/api/projects/${project.slug}/milestones`, {
      data: {
        title: "Façade closed in (e2e)",
        baseline: { date: "2025-03-01", precision: "MONTH" },
        forecast: { date: "2025-04-01", precision: "MONTH" },
        state: "PLANNED",
        comment: "",
      },
    });
    expect(added.status(), await added.text()).toBe(201);
    await page.goto(`/projects?q=${encodeURIComponent(project.name)}`);
    // Its next milestone is overdue now: the row says so in words.
    const row = page
      .getByRole("table", { name: /^Projects/ })
      .getByRole("row")
      .filter({ hasText: project.name });
    await expect(row.getByText("Overdue")).toBeVisible();
  });
});

test.describe("views and popovers (items 8, 9)", () => {
  test.describe.configure({ timeout: 120_000 });

  test("popovers close on Escape (focus back) and on an outside click; the share toggle shows and announces its state", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/projects?region=AFRICA&view=none");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden(); // hydrated
    const save = page.getByText("Save view", { exact: true });
    await save.click();
    const name = page.getByLabel("View name");
    await expect(name).toBeVisible();
    await expect(name).toBeInViewport();
    await name.focus();
    await page.keyboard.press("Escape");
    await expect(name).toBeHidden();
    await expect(save).toBeFocused();
    await save.click();
    await expect(name).toBeVisible();
    await page.getByRole("heading", { level: 1 }).click();
    await expect(name).toBeHidden();

    const settings = page.getByText("Table settings", { exact: true });
    await settings.click();
    await expect(page.getByRole("group", { name: "Columns" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("group", { name: "Columns" })).toBeHidden();

    const viewName = `Toggle ${Date.now()}`;
    await save.click();
    await name.fill(viewName);
    await page.getByRole("button", { name: "Save as new view" }).click();
    await expect(page).toHaveURL(/[?&]view=[0-9a-f-]{36}/);
    const toggle = page.getByRole("button", { name: "Share with everyone" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(toggle).toContainText("(off)");
    await toggle.click();
    await expect(page.getByRole("status").filter({ hasText: `“${viewName}” is now shared with everyone.` })).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(toggle).toContainText("(on)");
    await toggle.click();
    await expect(page.getByRole("status").filter({ hasText: `“${viewName}” is now private` })).toBeVisible();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete view" }).click();
    await expect(page).toHaveURL(/view=none/);
  });
});

test("the whole header cell sorts, not only its text (item 4)", async ({ page }) => {
  await page.goto("/projects");
  const header = page.getByRole("columnheader", { name: "Stage" });
  const cell = await header.boundingBox();
  const link = await header.getByRole("link").boundingBox();
  // The control fills the cell (within a pixel of rounding).
  expect(Math.abs((link?.width ?? 0) - (cell?.width ?? 0))).toBeLessThanOrEqual(2);
  expect(Math.abs((link?.height ?? 0) - (cell?.height ?? 0))).toBeLessThanOrEqual(2);
  // A click near the cell's right edge, far from the text, sorts (the last 4 px are the column's resize grip, item 26).
  await page.mouse.click((cell?.x ?? 0) + (cell?.width ?? 0) - 8, (cell?.y ?? 0) + (cell?.height ?? 0) / 2);
  await expect(page).toHaveURL(/[?&]sort=stage/);
});

test.describe("the table while it loads and when empty (item 26)", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a filter change dims the old rows and says so until the new ones arrive", async ({ page }) => {
    await page.goto("/projects");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden(); // hydrated
    // Hold the next page's data back a moment, so the in-between state can be seen.
    await page.route(/\/projects\?/, async (route) => {
      if (route.request().headers()["rsc"]) await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    await toggleOptions(page, "Health", ["On track"]);
    const results = page.locator("[data-stale]");
    await expect(results).toHaveAttribute("aria-busy", "true");
    await expect(page.getByRole("status").filter({ hasText: "Updating the list for the new filters…" })).toBeAttached();
    await expect(page).toHaveURL(/health=ON_TRACK/);
    await expect(results).toHaveCount(0, { timeout: 20_000 });
  });

  test("an empty result leaves the toolbar above the empty box", async ({ page }) => {
    await page.goto("/projects?q=zzzzqqq");
    const empty = await page.getByRole("heading", { name: "No projects match these filters" }).boundingBox();
    const toolbar = await page.getByText("Table settings", { exact: true }).boundingBox();
    expect(toolbar?.y ?? 9999).toBeLessThan(empty?.y ?? 0);
  });
});
