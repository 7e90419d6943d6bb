import type { Page } from "@playwright/test";
import type { SeedProject } from "../lib/db/seed-types";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";
import { multiSelect, toggleOptions } from "./multi-select";

// Runs against the seeded Minmetals portfolio. Its expected figures are
// computed from the seed itself, not copied here. Other specs add projects
// while this one runs (e2e/fixtures.ts: in one unit, in New Zealand, specialty
// metals): a figure those could be in is the seed's plus theirs
// (projectsBeyondSeed), retried with a reload until the two agree.

const seeded = minmetalsPortfolio.projects;
const countSeeded = (pred: (p: SeedProject) => boolean) => seeded.filter(pred).length;
const projectsText = (n: number) => (n === 0 ? "no projects" : n === 1 ? "1 project" : `${n} projects`);
const HEALTH_LABELS = { ON_TRACK: "On track", AT_RISK: "At risk", OFF_TRACK: "Off track", NOT_ASSESSED: "Not assessed" } as const;

/** The projects table's result count ("14 projects"). */
const tableCount = (page: Page) => page.getByRole("status").filter({ hasText: /^(\d+ projects?|No projects)$/ });
const card = (page: Page, name: string | RegExp) => page.getByRole("region", { name });
const worldMap = (page: Page) => page.getByRole("list", { name: /^World/ });
const chinaMap = (page: Page) => page.getByRole("list", { name: "China and neighbouring countries" });

async function openDashboard(page: Page, url = "/dashboard") {
  const response = await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio dashboard" })).toBeVisible();
  // Cards stream in; the headline's total is the first to arrive.
  await expect(page.getByRole("link", { name: /^All projects: / })).toBeVisible();
  return response;
}

// Each test reads the seeded portfolio or works on a fresh project of its own: they may run side by side.
test.describe.configure({ mode: "parallel" });

test.describe("dashboard", () => {
  // A navigation renders a whole streamed page; give it room on a loaded two-core machine.
  test.describe.configure({ timeout: 60_000 });

  test("the home page is the dashboard, marked current in the navigation", async ({ page }) => {
    await openDashboard(page, "/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Projects" })).not.toHaveAttribute("aria-current", /.*/);
  });

  test("shows the seeded portfolio's counts", async ({ page, projectsBeyondSeed }) => {
    await expect(async () => {
      await openDashboard(page);
      const health = card(page, "Projects by health");
      await expect(health.getByRole("link", { name: `All projects: ${projectsText(seeded.length + (await projectsBeyondSeed()))}` })).toBeVisible({
        timeout: 2_000,
      });
      for (const [key, label] of Object.entries(HEALTH_LABELS)) {
        const n = countSeeded((p) => p.health === key) + (await projectsBeyondSeed(`health=${key}`));
        await expect(health.getByRole("link", { name: `${label}: ${projectsText(n)}` })).toBeVisible({ timeout: 2_000 });
      }
      const prospecting = countSeeded((p) => p.stage === "PROSPECTING") + (await projectsBeyondSeed("stage=PROSPECTING"));
      await expect(card(page, "Stage, business line and region").getByRole("link", { name: `Prospecting: ${projectsText(prospecting)}` })).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });

    const breakdown = card(page, "Stage, business line and region");
    await expect(
      breakdown.getByRole("link", { name: `Africa: ${projectsText(countSeeded((p) => p.countryCode === "BW" || p.countryCode === "CD"))}` }),
    ).toBeVisible();
    await expect(breakdown.getByRole("link", { name: `Base metals: ${projectsText(countSeeded((p) => p.businessLine === "BASE_METALS"))}` })).toBeVisible();
    // Projects without a country have no region: counted, but not a link (the table cannot filter on it).
    await expect(breakdown.getByText("No country")).toBeVisible();
  });

  test("a health figure opens the projects table showing the same number of projects", async ({ page }) => {
    for (const label of ["Not assessed", "On track"]) {
      await expect(async () => {
        await openDashboard(page);
        const figure = card(page, "Projects by health").getByRole("link", { name: new RegExp(`^${label}: `) });
        const name = (await figure.getAttribute("aria-label")) ?? "";
        const n = Number(name.match(/(\d+) projects?$/)?.[1] ?? 0);
        await figure.click();
        await expect(page).toHaveURL(new RegExp(`/projects\\?health=${label.toUpperCase().replace(" ", "_")}$`), { timeout: 20_000 });
        await expect(tableCount(page)).toHaveText(n === 0 ? "No projects" : projectsText(n), { timeout: 5_000 });
      }).toPass({ timeout: 45_000 });
    }
  });

  test("filters apply to the whole dashboard, live in the URL, and carry into the table", async ({ page, projectsBeyondSeed }) => {
    await openDashboard(page);
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden(); // hydrated
    await toggleOptions(page, "Region", ["Africa"]);
    await expect(page).toHaveURL(/\/dashboard\?region=AFRICA$/, { timeout: 20_000 });
    const africa = countSeeded((p) => p.countryCode === "BW" || p.countryCode === "CD");
    await expect(page.getByRole("link", { name: `All projects: ${projectsText(africa)}` })).toBeVisible();
    await expect(page.getByText("As of").filter({ hasText: "Africa" })).toBeVisible();
    // The map shows only Africa's sites.
    await expect(worldMap(page).getByRole("link", { name: /, Botswana, / })).toBeVisible();
    await expect(chinaMap(page).getByRole("button")).toHaveCount(0);

    await page.getByRole("link", { name: `All projects: ${projectsText(africa)}` }).click();
    await expect(page).toHaveURL(/\/projects\?region=AFRICA$/, { timeout: 20_000 });
    await expect(tableCount(page)).toHaveText(projectsText(africa));

    await page.goBack();
    await expect(page).toHaveURL(/\/dashboard\?region=AFRICA$/, { timeout: 20_000 });
    await expect(multiSelect(page, "Region")).toHaveAccessibleName("Region Africa");
    await page.getByRole("link", { name: "Reset filters" }).click();
    await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
    await expect(async () => {
      await openDashboard(page);
      await expect(page.getByRole("link", { name: `All projects: ${projectsText(seeded.length + (await projectsBeyondSeed()))}` })).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
  });

  test("ignores invalid filter values in the URL and says which", async ({ page }) => {
    const response = await openDashboard(page, "/dashboard?region=NOPE&line=BASE_METALS&foo=1");
    expect(response?.status()).toBe(200);
    const notice = page.getByRole("status").filter({ hasText: "Ignored invalid parameters:" });
    // By the names the reader knows, joined as the language joins a list.
    await expect(notice).toHaveText("Ignored invalid parameters: “foo” and Region");
    await expect(multiSelect(page, "Region")).toHaveAccessibleName("Region All regions");
    await expect(multiSelect(page, "Business line")).toHaveAccessibleName("Business line Base metals");
    await expect(page.getByRole("link", { name: `All projects: ${projectsText(countSeeded((p) => p.businessLine === "BASE_METALS"))}` })).toBeVisible();
  });

  test("the map shows a site for Khoemacau in Botswana, linked to the project", async ({ page }) => {
    await openDashboard(page);
    const seededKhoemacau = minmetalsPortfolio.projects.find((p) => p.slug === "khoemacau-copper-mine")!;
    const khoemacau = worldMap(page).getByRole("link", { name: `Khoemacau Copper Mine, Botswana, ${HEALTH_LABELS[seededKhoemacau.health]}` });
    await expect(khoemacau).toBeVisible();
    await khoemacau.click();
    await expect(page).toHaveURL(/\/projects\/khoemacau-copper-mine$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: "Khoemacau Copper Mine" })).toBeVisible();
  });

  test("China's marker on the world map opens its projects with the keyboard (the inset shows its provinces)", async ({ page }) => {
    await openDashboard(page);
    const inChina = seeded.filter((p) => p.countryCode === "CN");
    const china = worldMap(page).getByRole("button", { name: new RegExp(`^China: ${inChina.length} projects \\(`) });
    await expect(china).toBeVisible();
    // The inset splits China by province (ux-review-a.spec.ts); the world map's marker is the whole country.
    await expect(chinaMap(page).getByRole("button", { name: /^Hunan, China:/ })).toBeVisible();

    await expect(china).toBeEnabled(); // once the page is interactive
    await china.focus();
    await page.keyboard.press("Enter");
    const popover = page.getByRole("dialog", { name: "China" });
    await expect(popover).toBeVisible();
    // A site lists its projects up to SITE_LIST_MAX (15, lib/dashboard/sites.ts), else their counts by health.
    if (inChina.length <= 15)
      for (const p of inChina.slice(0, 3)) await expect(popover.getByRole("link", { name: new RegExp(`^${escape(p.nameEn)} \\(`) })).toBeVisible();
    else {
      const notAssessed = inChina.filter((p) => p.health === "NOT_ASSESSED").length;
      await expect(popover.getByRole("link", { name: `${notAssessed} not assessed` })).toBeVisible();
    }
    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();

    await china.click();
    await popover.getByRole("link", { name: `View all ${inChina.length} projects in China` }).click();
    await expect(page).toHaveURL(/\/projects\?country=CN$/, { timeout: 20_000 });
    await expect(tableCount(page)).toHaveText(projectsText(inChina.length));
  });

  test("lists the projects that have no place on the map", async ({ page }) => {
    await openDashboard(page);
    const unlocated = seeded.filter((p) => !p.countryCode);
    const section = page.getByRole("region", { name: `${projectsText(unlocated.length).replace(/^./, (c) => c.toUpperCase())} without a place on the map` });
    await expect(section).toBeVisible();
    await expect(section.getByRole("link")).toHaveCount(unlocated.length);
  });

  test("milestone lists show overdue, upcoming and slipping milestones with their projects", async ({
    page,
    playwright,
    baseURL,
    freshProject,
    roleStorageState,
  }) => {
    // A manager plans two milestones on a fresh project of the test's own (assigned to them; its own
    // milestones are years away), and the dashboard lists each in the right card; cancelled, they go.
    const { slug, name: projectName } = freshProject;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! }, storageState: await roleStorageState("manager") });
    const stamp = Date.now().toString(36);
    const overdueTitle = `Ore pass inspection ${stamp}`;
    const upcomingTitle = `Hoist recertification ${stamp}`;
    const created: string[] = [];
    const row = (cardName: string, title: string) => card(page, cardName).getByRole("listitem").filter({ hasText: title });
    try {
      for (const data of [
        { title: overdueTitle, baseline: { date: day(-60), precision: "DAY" }, forecast: { date: day(-20), precision: "DAY" } },
        { title: upcomingTitle, forecast: { date: day(30), precision: "DAY" } },
      ]) {
        const res = await api.post(`/api/projects/${slug}/milestones`, { data });
        expect(res.status()).toBe(201);
        created.push(((await res.json()) as { id: string }).id);
      }
      await openDashboard(page);
      const overdue = row("Overdue milestones", overdueTitle);
      await expect(overdue.getByRole("link", { name: new RegExp(`^${escape(projectName)}`) })).toHaveAttribute("href", `/projects/${slug}`);
      await expect(overdue.getByText(/^2[01] days overdue$/)).toBeVisible(); // the dashboard counts days in Asia/Shanghai
      const upcoming = row("Due in the next 90 days", upcomingTitle);
      await expect(upcoming.getByRole("link", { name: new RegExp(`^${escape(projectName)}`) })).toHaveAttribute("href", `/projects/${slug}`);
      await expect(row("Overdue milestones", upcomingTitle)).toHaveCount(0);
      await expect(row("Due in the next 90 days", overdueTitle)).toHaveCount(0);
      // 40 days behind a day-precise baseline.
      await expect(row("Largest slips", overdueTitle)).toContainText("40 days");
    } finally {
      const current = (await (await api.get(`/api/projects/${slug}`)).json()) as { milestones: { id: string; version: number }[] };
      for (const m of current.milestones.filter((m) => created.includes(m.id)))
        expect(
          (await api.patch(`/api/projects/${slug}/milestones/${m.id}`, { data: { version: m.version, state: "CANCELLED", comment: "e2e clean-up" } })).status(),
        ).toBe(200);
      await api.dispose();
    }
    // Other specs' milestones may be listed meanwhile: ours are gone.
    await expect(async () => {
      await openDashboard(page);
      await expect(row("Overdue milestones", overdueTitle)).toHaveCount(0, { timeout: 2_000 });
      await expect(row("Due in the next 90 days", upcomingTitle)).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  });

  test("what changed lists the latest updates with who and when", async ({ page }) => {
    await openDashboard(page);
    const updates = card(page, "What changed").getByRole("list", { name: "Latest updates" });
    await expect(updates.getByRole("listitem").first()).toBeVisible();
    await expect(updates.getByRole("link").first()).toHaveAttribute("href", /^\/projects\/[a-z0-9-]+$/);
    await expect(updates.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  });

  test("the health trend has a table alternative ending with today's figures", async ({ page, projectsBeyondSeed }) => {
    await expect(async () => {
      await openDashboard(page);
      const trend = card(page, "Health over time");
      await trend.getByText("Show as table").click();
      const table = trend.getByRole("table", { name: "Projects by health at each month's end" });
      await expect(table).toBeVisible({ timeout: 2_000 });
      // Every seeded project's health is in its history, so the last month matches the headline.
      const last = table.getByRole("row").last();
      // Added projects count from their first recorded health on: one never assessed has none in its history.
      const expected: string[] = [];
      for (const health of ["OFF_TRACK", "AT_RISK", "ON_TRACK", "NOT_ASSESSED"] as const)
        expected.push(String(countSeeded((p) => p.health === health) + (health === "NOT_ASSESSED" ? 0 : await projectsBeyondSeed(`health=${health}`))));
      await expect(last.getByRole("cell")).toHaveText(expected, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  });

  test("a signed-in reader sees what changed since their last visit", async ({ page }) => {
    await signInAs(page, "executive");
    // The visit is recorded once the dashboard shows; the next one reports what was recorded since.
    await openDashboard(page);
    const since = card(page, "Since your last visit");
    await expect(async () => {
      await page.reload();
      await expect(since).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(since.getByText(/^Recorded since /)).toBeVisible();
    // Another site cannot mark the visit.
    const forged = await page.request.post("/dashboard/visit", { headers: { Origin: "https://elsewhere.example" } });
    expect(forged.status()).toBe(403);
    // Anonymous readers have no last visit.
    await page.context().clearCookies();
    await openDashboard(page);
    await expect(since).toHaveCount(0);
  });

  test("prints as a one-page summary without navigation or filters", async ({ page }) => {
    test.slow(); // renders a PDF
    await openDashboard(page);
    await expect(card(page, "Health over time").locator(".trend-plot")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("search", { name: "Filter the dashboard" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print summary" })).toBeHidden();
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true, preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  test("fits a tablet without sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await openDashboard(page);
    await expect(card(page, "Where the projects are").getByRole("list").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("has no serious accessibility violations, with a map popover open too", async ({ page }) => {
    test.slow(); // two full axe scans of a long page
    await openDashboard(page);
    await expect(card(page, "Health over time").locator(".trend-plot")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await chinaMap(page).getByRole("button").first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
