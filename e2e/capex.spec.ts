import { expect, expectNoSeriousA11yViolations, signInAs, test, type FreshProject } from "./fixtures";

/**
 * Capex and KPIs end to end: an admin adds a rate set; the manager of a fresh
 * project of this spec's own (e2e/fixtures.ts; USD, its unit's currency) makes a
 * draft budget, uploads a cost sheet (the dry run lists two bad rows; fixed;
 * applied); the admin approves the budget; the S-curve and EAC show; an
 * executive sees the overrun on the dashboard and follows it; a KPI upload draws
 * the ramp-up chart. The steps share the project (serial).
 */
let project: FreshProject;
let SLUG = "";
const HEADER = "project,external ref,category,measure,period,amount,currency";
const good = () => [
  `${SLUG},B-1,mining,BUDGET,2026-01,1000000.00,USD`,
  `${SLUG},B-2,processing-plant,BUDGET,2026-02,1000000.00,USD`,
  `${SLUG},A-1,mining,ACTUAL,2026-01,1200000.00,USD`,
  `${SLUG},C-1,mining,COMMITTED,2026-01,1500000.00,USD`,
  `${SLUG},F-1,processing-plant,FORECAST,2026-02,1300000.00,USD`,
];
const csv = (lines: string[]) => ({ name: "costs.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\n")) });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Long flows of many saves (26 s on one worker); give them room beside a second worker on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

test("a manager uploads a cost sheet; the admin approves; the S-curve and EAC show", async ({ page, baseURL, freshProject }) => {
  project = freshProject;
  SLUG = project.slug;
  await signInAs(page, "admin");
  const set = await page.request.post(`${baseURL}/api/capex/rate-sets`, {
    data: { name: "E2E Budget 2026", effectiveFrom: "2025-01", rates: [{ currency: "USD", toCny: "7.1", toUsd: "1" }] },
    headers: { Origin: baseURL! },
  });
  expect([201, 409]).toContain(set.status());
  await page.context().clearCookies();

  await signInAs(page, "manager");
  await page.goto(`/projects/${SLUG}`);
  const capex = page.getByRole("region", { name: "Capital expenditure" });
  await expect(capex.getByText(/No budget or cost has been recorded yet/)).toBeVisible();
  const newVersion = capex.getByRole("form", { name: "New budget version" });
  await newVersion.getByLabel("Label").fill("FID 2025");
  await newVersion.getByRole("button", { name: "New budget version" }).click();
  await expect(capex.getByText("Budget version created.")).toBeVisible();
  await expect(capex.getByRole("rowheader", { name: /FID 2025/ })).toBeVisible();

  const file = capex.getByLabel("Cost sheet (Excel or CSV)");
  await file.setInputFiles(csv([...good(), `${SLUG},A-2,mining,ACTUAL,2026-13,5.00,USD`, `${SLUG},A-3,tunnelling,ACTUAL,2026-02,1,250.00,USD`]));
  await capex.getByRole("button", { name: "Check cost sheet" }).click();
  const errors = capex.getByRole("table", { name: "2 rows with errors" });
  await expect(errors).toBeVisible();
  await expect(errors.getByText(/"2026-13" is not a month/)).toBeVisible();
  await expect(capex.getByRole("button", { name: "Apply cost sheet" })).toBeDisabled();

  await file.setInputFiles(csv(good()));
  await capex.getByRole("button", { name: "Check cost sheet" }).click();
  await expect(capex.getByText(/No errors: 5 new/)).toBeVisible();
  await capex.getByRole("button", { name: "Apply cost sheet" }).click();
  await expect(capex.getByText(/Applied: 5 new/)).toBeVisible();
  await page.context().clearCookies();

  await signInAs(page, "admin");
  await page.goto(`/projects/${SLUG}`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Approve budget version FID 2025" }).click();
  await expect(page.getByRole("cell", { name: /Ada Admin/ })).toBeVisible();

  await page.reload();
  const card = page.getByRole("region", { name: "Capital expenditure" });
  await expect(card.getByRole("row", { name: /Approved budget/ })).toContainText("$2,000,000");
  await expect(card.getByRole("row", { name: /Estimate at completion/ })).toContainText("$2,500,000");
  await expect(card.getByRole("row", { name: /Variance/ })).toContainText("+25%");
  await expect(card.getByRole("heading", { name: /S-curve/ })).toBeVisible();
  await card.getByText("S-curve as a table").click();
  await expect(card.getByRole("table", { name: /Cumulative planned, actual and forecast/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an executive sees the overrun on the dashboard and follows it to the project", async ({ page }) => {
  await signInAs(page, "executive");
  await page.goto("/dashboard");
  const card = page.getByRole("region", { name: "Portfolio capex" });
  const overruns = card.getByRole("list", { name: "Largest overruns" });
  await expect(overruns).toContainText("25");
  await overruns.getByRole("link", { name: new RegExp(escape(project.name)) }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${SLUG}`));
  await expect(page.getByRole("region", { name: "Capital expenditure" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Portfolio capex" }).getByRole("table", { name: "By business line" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a manager uploads KPI actuals and sees the tiles and the ramp-up chart", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto(`/projects/${SLUG}`);
  const kpis = page.getByRole("region", { name: "Operating KPIs" });
  const rows = [
    "project,kpi,period,value",
    `${SLUG},ore-milled,2026-01,60000`,
    `${SLUG},ore-milled,2026-02,75000`,
    `${SLUG},recordable-injuries,2026-02,2`,
    `${SLUG},hours-employees,2026-02,400000`,
    `${SLUG},hours-contractors,2026-02,600000`,
  ];
  await kpis.getByLabel("KPI sheet (Excel or CSV)").setInputFiles({ name: "kpis.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n")) });
  await kpis.getByRole("button", { name: "Check KPI sheet" }).click();
  await expect(kpis.getByText(/No errors: 5 new/)).toBeVisible();
  await kpis.getByRole("button", { name: "Apply KPI sheet" }).click();
  await expect(kpis.getByText(/Applied: 5 new/)).toBeVisible();
  await page.reload();
  const region = page.getByRole("region", { name: "Operating KPIs" });
  await expect(region.getByRole("list", { name: "Latest KPI values" })).toContainText("75,000");
  await expect(region.getByRole("heading", { name: /Ramp-up: Ore milled/ })).toBeVisible();
  await region.getByText("Ramp-up as a table").click();
  await expect(region.getByRole("table", { name: /Ore milled/ })).toContainText("60,000");
  await expectNoSeriousA11yViolations(page);
});

test("the projects table shows budget, EAC and variance; 'over budget by more than N%' filters it and its export", async ({ page }) => {
  await signInAs(page, "executive");
  // Searched for by name: other runs' projects may be over budget too.
  const q = encodeURIComponent(project.name);
  await page.goto(`/projects?overBudget=20&cur=CNY&view=none&q=${q}`);
  await expect(page.getByRole("status").filter({ hasText: /^1 project/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Over budget by more than 20%/ })).toBeVisible();
  await page.getByText("Table settings").click();
  for (const column of ["Budget", "EAC", "Variance %"]) await page.getByRole("checkbox", { name: `Show ${column}`, exact: true }).check();
  const row = page.getByRole("row", { name: new RegExp(escape(project.name)) });
  await expect(row).toContainText("$2,000,000");
  await expect(row).toContainText("CN¥14,200,000"); // the converted figure, in the roll-up currency chosen
  await expect(row).toContainText("+25%");
  await expect(page.getByText(/Converted with each line's exchange-rate set: E2E Budget 2026/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const csv = await page.request.get(`/api/projects/export?format=csv&columns=name,budget,eac,variance&overBudget=20&cur=USD&q=${q}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(
    "Name,Chinese name,Approved budget,Currency,Approved budget (USD),Estimate at completion,Estimate at completion (USD),Variance,Exchange-rate sets",
  );
  expect(lines.slice(1)).toEqual([expect.stringMatching(/^Zz E2E project .*,2000000\.00,USD,2000000\.00,2500000\.00,2500000\.00,25,E2E Budget 2026$/)]);
  await page.goto(`/projects?overBudget=25&view=none&q=${q}`);
  await expect(page.getByRole("status").filter({ hasText: /^0 projects|No projects/ })).toBeVisible();
});

test("a manager enters a cost line and a KPI actual by form; an existing line is replaced only when confirmed", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto(`/projects/${SLUG}`);
  const capex = page.getByRole("region", { name: "Capital expenditure" });
  await capex.getByText("Enter a line").click();
  const form = capex.getByRole("form", { name: "Cost line" });
  await form.getByLabel("External reference").fill("A-1");
  await form.getByLabel("Measure").selectOption("ACTUAL");
  await form.getByLabel("Month").fill("2026-01");
  await form.getByLabel("Amount (USD)").fill("1250000.00");
  await form.getByRole("button", { name: "Save cost line" }).click();
  // A-1 came from the sheet: the form shows what is stored and asks
  await expect(form.getByRole("alert")).toContainText("1200000.00");
  await form.getByRole("button", { name: "Replace" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Capital expenditure" }).getByRole("row", { name: /Actual to date/ })).toContainText("$1,250,000");

  const kpis = page.getByRole("region", { name: "Operating KPIs" });
  await kpis.getByText("Enter a line").click();
  const actual = kpis.getByRole("form", { name: "KPI actual" });
  await actual.getByLabel("KPI").selectOption("ore-milled");
  await actual.getByLabel("Month").fill("2026-03");
  await actual.getByLabel("Value").fill("82000");
  await actual.getByRole("button", { name: "Save KPI actual" }).click();
  await expect(actual.getByRole("status")).toHaveText("Saved.");
  await expectNoSeriousA11yViolations(page);
});

test("an admin extends the cost categories; other roles never see the reference data page", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/capex");
  await expect(page.getByRole("heading", { name: "Capex reference data", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "New cost category" });
  const key = `e2e-tailings-${Date.now() % 100000}`;
  await form.getByLabel("Key").fill(key);
  await form.getByLabel("English name").fill("Tailings dam");
  await form.getByLabel("Chinese name").fill("尾矿库");
  await form.getByLabel("Parent category").selectOption("infrastructure");
  await form.getByRole("button", { name: "Add cost category" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("list", { name: "Cost categories" })).toContainText(`Tailings dam (尾矿库 · ${key})`);
  await expect(page.getByRole("list", { name: "Exchange-rate sets" })).toContainText("E2E Budget 2026");
  await expectNoSeriousA11yViolations(page);
  await page.context().clearCookies();

  await signInAs(page, "pmo");
  // the one rule for protected pages (docs/decisions/0065): signed in without the permission → 403 "Not allowed"
  expect((await page.goto("/admin/capex"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
});
