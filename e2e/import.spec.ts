import ExcelJS from "exceljs";
import { expect, expectNoSeriousA11yViolations, FRESH_PROJECT_UNIT, signInAs, test } from "./fixtures";

/**
 * Import from Excel end to end: an admin downloads the template, uploads a
 * workbook with two bad rows and reads the errors row by row, fixes the file,
 * applies it and finds the projects with their history line. Non-admins are
 * denied the page and the endpoints; a 30 MB file is refused with a 413.
 * The projects go where every spec's added projects go (FRESH_PROJECT_UNIT,
 * e2e/fixtures.ts: a unit, a region and a business line that the specs
 * counting the seeded portfolio leave out), so this spec runs alongside them.
 */
const RUN = Date.now().toString(36);
const KEY_A = `e2e-import-a-${RUN}`;
const KEY_B = `e2e-import-b-${RUN}`;
const FILE = `e2e-portfolio-${RUN}.xlsx`;

async function workbook(rows: { projects: (string | null)[][]; milestones: (string | null)[][] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Projects").addRows([
    ["Key", "Name (English)", "Name (Chinese)", "Unit", "Kind", "Business line", "Stage", "Country", "Planned start", "Planned start precision"],
    ...rows.projects,
  ]);
  wb.addWorksheet("Milestones").addRows([["Project key", "Milestone key", "Title (English)", "State", "Forecast", "Forecast precision"], ...rows.milestones]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const goodProjects = [
  [KEY_A, `Import Alpha ${RUN}`, "导入甲", FRESH_PROJECT_UNIT, "OWNED_ASSET", "SPECIALTY_METALS", "FEASIBILITY", "NZ", "2027-01-01", "QUARTER"],
  [KEY_B, `Import Beta ${RUN}`, "导入乙", FRESH_PROJECT_UNIT, "CONTRACT", "METALLURGICAL_CONSTRUCTION", "DESIGN", "AU", "2027-06-01", "MONTH"],
];
const milestones = [
  [KEY_A, "fid", "Final investment decision", "PLANNED", "2027-09-01", "MONTH"],
  [KEY_B, "handover", "Handover", "PLANNED", "2029-01-01", "YEAR"],
];

// A check or apply reads the workbook and plans it in one request: on a loaded machine that is seconds, not the default 10.
test.describe.configure({ mode: "serial", timeout: 180_000 });
// The unit the rows name is made by the fixtures' admin API context (once per run).
test.beforeAll(async ({ adminApi }) => void adminApi);
const SLOW = { timeout: 60_000 };

test("an admin downloads the template, sees two bad rows' errors, fixes the file, applies it and finds the history", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import from Excel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const portfolio = page.getByRole("region", { name: "Projects and milestones" });
  const download = page.waitForEvent("download");
  await portfolio.getByRole("link", { name: "Download the template (English)" }).click();
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(await (await download).path());
  expect(template.worksheets.map((w) => w.name)).toEqual(["Projects", "Milestones", "Allowed values"]);
  const allowed = template.getWorksheet("Allowed values")!;
  const stageCodes: string[] = [];
  allowed.eachRow((r) => r.getCell(1).text === "Stage" && stageCodes.push(r.getCell(2).text));
  expect(stageCodes).toContain("CONSTRUCTION");

  // Two bad rows: an unknown stage, and a Chinese name in the English column.
  const bad = await workbook({
    projects: [goodProjects[0], [KEY_B, "导入乙", null, FRESH_PROJECT_UNIT, "CONTRACT", "METALLURGICAL_CONSTRUCTION", "DESIGN", "AU", "2027-06-01", "MONTH"]],
    milestones: [milestones[0], [KEY_B, "handover", "Handover", "SOMEDAY", "2029-01-01", "YEAR"]],
  });
  const file = portfolio.getByLabel("File to import");
  await file.setInputFiles({ name: FILE, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bad });
  await portfolio.getByRole("button", { name: "Check the file" }).click();
  await expect(portfolio.getByRole("status")).toHaveText("2 rows have errors. Fix the file and check it again; nothing was written.", SLOW);
  const table = portfolio.getByRole("table", { name: `Rows of ${FILE}` });
  const projectRow = table.getByRole("row").filter({ hasText: KEY_B }).filter({ hasText: "Projects" });
  await expect(projectRow).toContainText("Name (English): Chinese text in an English column");
  const milestoneRow = table.getByRole("row").filter({ hasText: `${KEY_B}/handover` });
  await expect(milestoneRow).toContainText('State: "SOMEDAY" is not allowed');
  await expect(portfolio.getByRole("button", { name: "Apply the import" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);

  // Fixed: the check is clean, and applying writes it.
  await file.setInputFiles({
    name: FILE,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await workbook({ projects: goodProjects, milestones }),
  });
  await portfolio.getByRole("button", { name: "Check the file" }).click();
  await expect(portfolio.getByRole("status")).toHaveText(
    "No errors. Applying would create 4, change 0 and leave 0 as they are. Nothing has been written yet.",
    SLOW,
  );
  await portfolio.getByRole("button", { name: "Apply the import" }).click();
  await expect(portfolio.getByRole("status")).toHaveText("Imported: 4 created, 0 changed, 0 left as they were.", SLOW);

  // The same file again changes nothing.
  await portfolio.getByRole("button", { name: "Check the file" }).click();
  await expect(portfolio.getByRole("status")).toHaveText(
    "No errors. Applying would create 0, change 0 and leave 4 as they are. Nothing has been written yet.",
    SLOW,
  );

  await page.goto(`/projects/${KEY_A}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Import Alpha ${RUN}`) })).toBeVisible();
  await expect(page.getByText(`Imported from ${FILE} by Ada Admin`).first()).toBeVisible();
  await expect(page.getByText("Final investment decision").first()).toBeVisible();
});

test("a file over the size limit gets a 413 with the JSON error, and writes nothing", async ({ page, baseURL }) => {
  await signInAs(page, "admin");
  const res = await page.request.post(`${baseURL}/api/admin/import?kind=portfolio&mode=apply&fileName=big.xlsx`, {
    data: Buffer.alloc(30 * 1024 * 1024, 1),
    headers: { Origin: baseURL!, "Content-Type": "application/octet-stream" },
  });
  expect(res.status()).toBe(413);
  expect(await res.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "The file is larger than the limit of 20 MB." } });
  const notSheet = await page.request.post(`${baseURL}/api/admin/import?kind=portfolio&mode=check&fileName=notes.xlsx`, {
    data: Buffer.from("hello"),
    headers: { Origin: baseURL! },
  });
  expect(notSheet.status()).toBe(400);
  expect(await notSheet.json()).toMatchObject({ error: { code: "BAD_REQUEST", key: "unreadableFile" } });
});

for (const role of ["manager", "staff", "executive"] as const)
  test(`a ${role} is denied the import page, the template and the endpoint`, async ({ page, baseURL }) => {
    await signInAs(page, role);
    const visit = await page.goto("/admin/import");
    expect(visit?.status()).toBe(403);
    const template = await page.request.get(`${baseURL}/api/admin/import/template?kind=portfolio&lang=en`);
    expect(template.status()).toBe(403);
    const post = await page.request.post(`${baseURL}/api/admin/import?kind=portfolio&mode=apply&fileName=x.xlsx`, {
      data: await workbook({
        projects: [[`denied-${role}-${RUN}`, "Denied", null, "MMG", "OWNED_ASSET", "BASE_METALS", "DESIGN", "PE", null, null]],
        milestones: [],
      }),
      headers: { Origin: baseURL! },
    });
    expect(post.status()).toBe(403);
    expect((await page.request.get(`${baseURL}/api/projects/denied-${role}-${RUN}`)).status()).toBe(404);
  });

test("a PMO may import, but not the users", async ({ page }) => {
  await signInAs(page, "pmo");
  await page.goto("/admin/import");
  await expect(page.getByRole("region", { name: "Projects and milestones" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Users" })).toHaveCount(0);
});
