import { expect, expectNoSeriousA11yViolations, signInAs, test } from "./fixtures";

/**
 * Capex and KPIs end to end: an admin adds a rate set; the manager of Las
 * Bambas (USD) makes a draft budget, uploads a cost sheet (the dry run lists two
 * bad rows; fixed; applied); the admin approves the budget; the S-curve and EAC
 * show; an executive sees the overrun on the dashboard and follows it; a KPI
 * upload draws the ramp-up chart.
 */
const SLUG = "las-bambas-copper-mine";
const HEADER = "project,external ref,category,measure,period,amount,currency";
const good = [
  `${SLUG},B-1,mining,BUDGET,2026-01,1000000.00,USD`,
  `${SLUG},B-2,processing-plant,BUDGET,2026-02,1000000.00,USD`,
  `${SLUG},A-1,mining,ACTUAL,2026-01,1200000.00,USD`,
  `${SLUG},C-1,mining,COMMITTED,2026-01,1500000.00,USD`,
  `${SLUG},F-1,processing-plant,FORECAST,2026-02,1300000.00,USD`,
];
const csv = (lines: string[]) => ({ name: "costs.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\n")) });

test.describe.configure({ mode: "serial" });

test("a manager uploads a cost sheet; the admin approves; the S-curve and EAC show", async ({ page, baseURL }) => {
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
  await file.setInputFiles(csv([...good, `${SLUG},A-2,mining,ACTUAL,2026-13,5.00,USD`, `${SLUG},A-3,tunnelling,ACTUAL,2026-02,1,250.00,USD`]));
  await capex.getByRole("button", { name: "Check cost sheet" }).click();
  const errors = capex.getByRole("table", { name: "2 rows with errors" });
  await expect(errors).toBeVisible();
  await expect(errors.getByText(/"2026-13" is not a month/)).toBeVisible();
  await expect(capex.getByRole("button", { name: "Apply cost sheet" })).toBeDisabled();

  await file.setInputFiles(csv(good));
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
  await overruns.getByRole("link").first().click();
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
  const rows = ["project,kpi,period,value", `${SLUG},ore-milled,2026-01,60000`, `${SLUG},ore-milled,2026-02,75000`, `${SLUG},recordable-injuries,2026-02,2`, `${SLUG},hours-employees,2026-02,400000`, `${SLUG},hours-contractors,2026-02,600000`];
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
