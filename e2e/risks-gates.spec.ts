import type { Browser, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, FRESH_PROJECT_UNIT, signInAs, test, type DemoRole, type FreshProject } from "./fixtures";

/**
 * Issue 14's flows: a manager raises, scores and acts on a risk; the PMO runs
 * a gate review with two approvers and evidence and decides "go with
 * conditions"; the project's stage moves; an executive sees the heat map and
 * the overdue condition. On fresh projects of its own (e2e/fixtures.ts), which
 * the three steps share: a managed one for the risk, a prospect for the gate.
 */
let managed: FreshProject;
let prospect: FreshProject;
// Named by their projects, so that a repeated run's risks and conditions are told apart.
const riskTitle = () => `Tailings dam seepage after heavy rain (${managed.slug})`;
const conditionText = () => `Water-use licence before the first drill hole (${prospect.slug})`;

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

const form = (page: Page, name: string) => page.getByRole("form", { name });
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.7\n% ${name}\n`) });

test.describe.serial("risks and stage gates", () => {
  // Long flows of many saves, each a server round trip: give them room on a loaded machine.
  test.describe.configure({ timeout: 240_000 });
  test.use({ actionTimeout: 30_000 });
  test("a manager raises a risk, scores it and adds an action", async ({ browser, freshProject }) => {
    managed = freshProject;
    const page = await as(browser, "manager");
    await page.goto(managed.url);
    const raise = form(page, "Raise a risk");
    await raise.getByLabel("Title (English)").fill(riskTitle());
    await raise.getByLabel("Category").selectOption({ label: "Environmental" });
    await raise.getByRole("button", { name: "Raise risk" }).click();
    await expect(raise.getByRole("status")).toHaveText("Risk raised.", { timeout: 30_000 });
    await page.getByRole("region", { name: "Risks" }).getByRole("link", { name: riskTitle() }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(riskTitle());

    const score = form(page, "Score the risk");
    await score.getByLabel("Assessment").selectOption({ label: "Residual" });
    await score.getByLabel("Probability").selectOption({ label: "4 · Likely" });
    await score.getByLabel("Impact on Cost").selectOption({ label: "3 · Moderate" });
    await score.getByLabel("Impact on Safety").selectOption({ label: "5 · Severe" });
    await score.getByRole("button", { name: "Save score" }).click();
    await expect(score.getByRole("status")).toHaveText("Score recorded.", { timeout: 30_000 });
    const assessments = page.getByRole("table", { name: "Assessments" });
    await expect(assessments.getByRole("row").nth(1)).toContainText("20");
    await expect(assessments.getByRole("row").nth(1)).toContainText("High");

    const add = form(page, "Add an action");
    await add.getByLabel("Action", { exact: true }).fill("Line the spillway channel");
    await add.getByLabel("Due date").fill("2027-03-31");
    await add.getByRole("button", { name: "Add" }).click();
    await expect(add.getByRole("status")).toHaveText("Action added.", { timeout: 30_000 });
    await expect(page.getByRole("region", { name: "Actions" })).toContainText("Line the spillway channel");
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });

  test("the PMO runs a gate review with two approvers and evidence, decides go with conditions, and the stage moves", async ({ browser, makeProject }) => {
    prospect = await makeProject({ stage: "PROSPECTING" });
    const pmo = await as(browser, "pmo");
    await pmo.goto(prospect.url);
    const choose = form(pmo, "Choose the gate process");
    await choose.getByLabel("Gate process").selectOption({ label: "Mining project · 矿山项目" });
    await choose.getByRole("button", { name: "Save" }).click();
    const plan = form(pmo, "Plan a gate review");
    await expect(plan).toBeVisible();
    await plan.getByLabel("Gate", { exact: true }).selectOption({ label: "Exploration → pre-feasibility · 勘探 → 预可行性研究" });
    await plan.getByLabel("Approval rule").selectOption({ label: "All approvers" });
    await plan.getByLabel("Approvers").selectOption([{ label: "Eli Executive" }, { label: "Ada Admin" }]);
    await plan.getByRole("button", { name: "Create review" }).click();
    await expect(plan.getByRole("status")).toHaveText("Review created.", { timeout: 30_000 });
    await pmo.getByRole("region", { name: "Stage gates" }).getByRole("link", { name: "Exploration → pre-feasibility" }).click();
    await expect(pmo.getByRole("heading", { level: 1 })).toContainText("Exploration → pre-feasibility");
    const reviewUrl = pmo.url();

    const condition = form(pmo, "Add a condition");
    await condition.getByLabel("Condition").fill(conditionText());
    await condition.getByLabel("Due date").fill("2026-01-15");
    await condition.getByRole("button", { name: "Add" }).click();
    await expect(condition.getByRole("status")).toHaveText("Condition added.", { timeout: 30_000 });

    for (const [deliverable, file] of [
      ["Mineral resource estimate", "resource-estimate.pdf"],
      ["Exploration report", "exploration-report.pdf"],
    ]) {
      const item = pmo
        .getByRole("region", { name: "Deliverables and evidence" })
        .getByRole("listitem")
        .filter({ has: pmo.getByLabel(`Attach evidence for ${deliverable}`) });
      await item.getByLabel(`Attach evidence for ${deliverable}`).setInputFiles(pdf(file));
      await item.getByRole("button", { name: "Upload" }).click();
      await expect(item.getByRole("status")).toHaveText(`Uploaded ${file}.`, { timeout: 30_000 });
      await expect(item.getByRole("link", { name: file })).toBeVisible();
    }

    // the evidence downloads as an attachment that cannot run in the app's origin
    const href = await pmo.getByRole("link", { name: "resource-estimate.pdf" }).getAttribute("href");
    const download = await pmo.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-security-policy"]).toContain("sandbox");
    expect((await download.body()).toString()).toContain("resource-estimate.pdf");
    // A reader of another subsidiary (MMG's executive; the prospect is in the fixtures' unit) is refused the file
    // and the project alike, exactly as if neither existed.
    const outsider = await as(browser, "mmgExecutive");
    const refused = await outsider.request.get(href!);
    expect(refused.status()).toBe(404);
    expect((await refused.body()).toString()).not.toContain("resource-estimate.pdf");
    expect((await outsider.goto(prospect.url))?.status()).toBe(404);
    await outsider.context().close();

    // Not decidable yet: the approvers have not answered.
    const decide = form(pmo, "Record the decision");
    await decide.getByLabel("Decision").selectOption({ label: "Go with conditions" });
    await decide.getByLabel("Rationale (English)").fill("Resource estimate supports a pre-feasibility study.");
    await decide.getByRole("button", { name: "Record decision (final)" }).click();
    await expect(decide.getByRole("group", { name: "There is a problem" })).toContainText("A go needs every approver's approval.", { timeout: 30_000 });

    for (const role of ["executive", "admin"] as const) {
      const approver = await as(browser, role);
      await approver.goto(reviewUrl);
      const answer = form(approver, "Your answer");
      await answer.getByRole("combobox", { name: "Your answer" }).selectOption({ label: "Approved" });
      await answer.getByRole("button", { name: "Send answer" }).click();
      await expect(answer.getByRole("status")).toHaveText("Answer recorded.", { timeout: 30_000 });
      await approver.context().close();
    }

    await pmo.reload();
    const decideNow = form(pmo, "Record the decision");
    await decideNow.getByLabel("Decision").selectOption({ label: "Go with conditions" });
    await decideNow.getByLabel("Rationale (English)").fill("Resource estimate supports a pre-feasibility study.");
    await decideNow.getByRole("button", { name: "Record decision (final)" }).click();
    await expect(pmo.getByText(/^Decided: Go with conditions by Pat PMO/)).toBeVisible({ timeout: 30_000 });
    await expect(form(pmo, "Record the decision")).toHaveCount(0);
    await expectNoSeriousA11yViolations(pmo);

    await pmo.goto(prospect.url);
    await expect(pmo.locator("header").getByText("Feasibility", { exact: true })).toBeVisible();
    await pmo.context().close();
  });

  test("an executive sees the risk on the heat map and the overdue condition on the dashboard", async ({ browser }) => {
    const page = await as(browser, "executive");
    await page.goto("/dashboard");
    const heatMap = page.getByRole("region", { name: "Portfolio risk heat map" });
    // At least this spec's risk (a repeated run adds one each time).
    const cell = heatMap.getByRole("link", { name: /^\d+ risks?: probability Likely, impact Severe, band High/ });
    await expect(cell).toBeVisible();
    await expect(page.getByRole("region", { name: "Overdue gate conditions" }).getByRole("link", { name: conditionText() })).toBeVisible();
    await expect(page.getByRole("region", { name: "Top risks" }).getByRole("link", { name: riskTitle() })).toBeVisible();
    await cell.click();
    await expect(page).toHaveURL(/\/risks\?p=4&i=5$/);
    await expect(page.getByRole("table", { name: "Risks" }).getByRole("link", { name: riskTitle() })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const csv = await page.request.get("/risks/export?format=csv");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(await csv.text()).toContain(riskTitle());

    // The unit filter: the project is the fixtures' unit's, so the risk is under it (and the group) and not under Hunan Nonferrous.
    await page.goto("/risks");
    const filters = page.getByRole("form", { name: "Filter risks" });
    const risks = page.getByRole("table", { name: "Risks" });
    await filters.getByLabel("Organization unit").selectOption(FRESH_PROJECT_UNIT);
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]org=${FRESH_PROJECT_UNIT}(&|$)`));
    await expect(risks.getByRole("link", { name: riskTitle() })).toBeVisible();
    await filters.getByLabel("Organization unit").selectOption("HNG");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]org=HNG(&|$)/);
    await expect(risks.getByRole("link", { name: riskTitle() })).toHaveCount(0);
    const hngCsv = await page.request.get("/risks/export?format=csv&org=HNG");
    expect(await hngCsv.text()).not.toContain(riskTitle());
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
