import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { createUser, DEMO_LOGINS, expect, expectNoSeriousA11yViolations, test, type Login } from "./fixtures";

/**
 * The monthly reporting cycle end to end: a manager drafts and submits, the
 * PMO returns it with a comment, the manager fixes and resubmits, the PMO
 * publishes; a later project edit leaves the published report unchanged;
 * the executive reads the pack and downloads its PDF and XLSX; phone width.
 * On a fresh project of the spec's own (e2e/fixtures.ts); the executive is a
 * user of its own too, whose saved language it changes.
 */
let SLUG = "";
const NAME_ZH = "端到端报告测试项目";
const LOGINS: Record<string, Login> = { ...DEMO_LOGINS, pmo: { email: "pmo@lodestone.local", password: "lodestone-pmo", name: "Pat PMO" } };
type Who = keyof typeof LOGINS;

function reportingPeriod(): string {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, "0")}`;
}

async function as(browser: Browser, who: Who, locale = "en-US"): Promise<{ context: BrowserContext; page: Page }> {
  const baseURL = test.info().project.use.baseURL!;
  const context = await browser.newContext({ baseURL, locale });
  const res = await context.request.post("/api/auth/sign-in/email", {
    data: { email: LOGINS[who].email, password: LOGINS[who].password },
    headers: { Origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(200);
  const page = await context.newPage();
  // A signed-in user's saved language outranks the browser's, and other specs leave the demo users in English:
  // choose the language as a person would, with the switcher.
  await page.goto("/notifications");
  const language = page.getByRole("button", { name: locale === "zh-CN" ? "中文" : "English", exact: true });
  if ((await language.getAttribute("aria-pressed")) !== "true") await language.click();
  await expect(language).toHaveAttribute("aria-pressed", "true");
  return { context, page };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ adminApi }) => {
  LOGINS.executive = await createUser(adminApi, "executive");
});

test("draft, submit, return with comment, resubmit, publish; later edits leave the published report unchanged", async ({ browser, makeProject }) => {
  test.setTimeout(120_000);
  SLUG = (await makeProject({ managedByDemoManager: true, nameZh: NAME_ZH })).slug;
  const period = reportingPeriod();
  const manager = await as(browser, "manager");
  const pmo = await as(browser, "pmo");
  const m = manager.page;

  await m.goto(`/projects/${SLUG}`);
  await m.getByRole("link", { name: `Start the report for ${period}` }).click();
  await expect(m.getByRole("heading", { name: `Report for ${period}` })).toBeVisible();
  await expectNoSeriousA11yViolations(m);
  await m.getByRole("button", { name: "Start the draft" }).click();
  await expect(m.getByRole("heading", { name: "Write the report" })).toBeVisible();
  const reportUrl = m.url();
  // pre-filled from the current data
  await expect(m.getByRole("heading", { name: "Status" })).toBeVisible();
  await m.getByLabel("Executive summary (English)").fill("Stripping on plan.");
  await m.getByLabel("Executive summary (Chinese)").fill("剥离按计划进行。");
  await expectNoSeriousA11yViolations(m);
  await m.getByRole("button", { name: "Submit for review" }).click();
  await expect(m.getByText("Submitted for review.")).toBeVisible();

  const p = pmo.page;
  await p.goto(reportUrl);
  await expect(p.getByRole("heading", { name: "Review" })).toBeVisible();
  await expectNoSeriousA11yViolations(p);
  await p.getByRole("button", { name: "Return to the manager" }).click();
  await expect(p.getByText("Say what needs fixing.")).toBeVisible();
  await p.getByLabel("What needs fixing").fill("Add the cost position.");
  await p.getByRole("button", { name: "Return to the manager" }).click();
  await expect(p.getByText("Returned to the manager.")).toBeVisible();

  await m.reload();
  await expect(m.getByRole("note")).toContainText("Returned by Pat PMO: Add the cost position.");
  await m.getByLabel("Issues (English)").fill("Cost position: 3 % over budget.");
  await m.getByRole("button", { name: "Submit for review" }).click();
  await expect(m.getByText("Submitted for review.")).toBeVisible();

  await p.reload();
  await p.getByRole("button", { name: "Publish" }).click();
  await expect(p.getByText("Published.")).toBeVisible();
  await p.reload();
  const hash = await p.getByText(/^[0-9a-f]{64}$/).textContent();
  const healthBefore = await p.getByRole("region", { name: "Status" }).textContent();

  // The manager edits the project afterwards: the published report is unchanged.
  const baseURL = test.info().project.use.baseURL!;
  const current = await (await manager.context.request.get(`/api/projects/${SLUG}`)).json();
  const next = current.progressPercent === 77 ? 78 : 77;
  const res = await manager.context.request.patch(`/api/projects/${SLUG}`, {
    data: { version: current.version, progressPercent: next, comment: "After the report" },
    headers: { Origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(200);
  await p.reload();
  await expect(p.getByText(/^[0-9a-f]{64}$/)).toHaveText(hash!);
  expect(await p.getByRole("region", { name: "Status" }).textContent()).toBe(healthBefore);

  // The project page's history has the period, published.
  await m.goto(`/projects/${SLUG}`);
  const history = m.getByRole("region", { name: "Monthly reports" });
  await expect(history.getByRole("link", { name: `Open the ${period} report` })).toBeVisible();
  await expect(history).toContainText("Published");
  // the manager was told of the return and the publication (the bell)
  await m.goto("/notifications");
  await expect(m.getByRole("link", { name: /was returned: Add the cost position\./ })).toBeVisible();
  await expectNoSeriousA11yViolations(m);
  await manager.context.close();
  await pmo.context.close();
});

test("the executive reads the pack and downloads its PDF (Chinese text present) and XLSX", async ({ browser }) => {
  test.setTimeout(90_000);
  const period = reportingPeriod();
  const { context, page } = await as(browser, "executive", "zh-CN");
  await page.goto(`/reports/${period}`);
  await expect(page.getByRole("heading", { name: `报告汇编：${period}` })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(NAME_ZH) }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pack-e2e-"));
  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载便携文档" }).click()]);
  const pdf = path.join(dir, "pack.pdf");
  await pdfDownload.saveAs(pdf);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"]).toString("utf8");
  expect(text).toContain(`报告汇编：${period}`);
  expect(text).toContain(NAME_ZH);

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 Excel 表格" }).click()]);
  const xlsx = path.join(dir, "pack.xlsx");
  await xlsxDownload.saveAs(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((s) => s.name)).toEqual(["报告", "叙述", "未报告", "数据"]);
  expect(JSON.stringify(wb.getWorksheet("报告")!.getSheetValues())).toContain(SLUG);
  expect(JSON.stringify(wb.getWorksheet("叙述")!.getSheetValues())).toContain("剥离按计划进行。");
  await context.close();
});

test("an admin gives a unit its own due date and removes it again; the form is the admin's only", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await as(browser, "admin");
  const a = admin.page;
  await a.goto("/admin/reporting");
  await expect(a.getByRole("heading", { name: "Reporting rules", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(a);
  const add = a.getByRole("form", { name: "A rule for a unit" });
  await add.getByLabel("Unit").selectOption({ index: 0 });
  const code = (await add.getByLabel("Unit").inputValue()).trim();
  await add.getByLabel("Due day of the next month").fill("29");
  await add.getByRole("button", { name: "Add the rule" }).click();
  // the browser's own check refuses 29 first; the server refuses it too (same schema)
  await expect(a.getByRole("status")).not.toContainText("Saved.");
  await add.getByLabel("Due day of the next month").fill("3");
  await add.getByLabel("Reason (optional)").fill("Closes early");
  await add.getByRole("button", { name: "Add the rule" }).click();
  await expect(a.getByRole("status")).toContainText("Saved.");
  const section = a.getByRole("region", { name: new RegExp(`^${code} · `) });
  await expect(section).toContainText("Due on day 3 of the next month");
  await section.getByRole("button", { name: "Remove this unit's rule" }).click();
  await expect(a.getByRole("status")).toContainText("Saved.");
  await expect(a.getByRole("region", { name: new RegExp(`^${code} · `) })).toHaveCount(0);
  await admin.context.close();
  // anyone else: not allowed (the one rule for protected pages, docs/decisions/0065)
  const manager = await as(browser, "manager");
  const res = await manager.page.goto("/admin/reporting");
  expect(res?.status()).toBe(403);
  await manager.context.close();
});

for (const locale of ["en-US", "zh-CN"]) {
  test(`phone width (390 px) in ${locale}: the pack reads without sideways scrolling, touch targets of 44 px; the dashboard's reporting parts fit and it does not scroll sideways`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const period = reportingPeriod();
    const { context, page } = await as(browser, "executive", locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/reports/${period}`);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `the pack scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`pack-${locale}.png`), fullPage: true });
    // The dashboard: the reporting parts added here fit (other cards are the dashboard's own).
    await page.goto("/dashboard");
    await page.waitForLoadState("networkidle");
    for (const region of [page.getByRole("region", { name: /^Reporting for|报告情况$/ }), page.getByLabel(/^View$|^视图$/)]) {
      const box = await region.boundingBox();
      expect(box && box.x + box.width, "inside 390 px").toBeLessThanOrEqual(390);
    }
    const dashOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // The dashboard too has no sideways scroll (its grid tracks may shrink below a truncated line's width); if it does, say what sticks out.
    const offenders = await page.evaluate(() =>
      [...document.querySelectorAll("main *")]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
        .slice(0, 10)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} (${Math.round(el.getBoundingClientRect().right)}px)`),
    );
    expect(dashOverflow, `the dashboard scrolls sideways by ${dashOverflow}px: ${offenders.join(", ")}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`dashboard-${locale}.png`), fullPage: true });
    await page.goto(`/reports/${period}`);
    // The pack's own controls and links are at least 44 px high.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main a, main button, main select")]
        .map((el) => ({ text: (el.textContent ?? "").trim().slice(0, 40), h: el.getBoundingClientRect().height }))
        .filter((x) => x.h > 0 && x.h < 44),
    );
    expect(small).toEqual([]);
    // headline changes come first
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings[0]).toMatch(/Headline changes|重要变化/);
    await context.close();
  });
}
