import fs from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { minmetalsPortfolio } from "../prisma/seed/minmetals-2024";
import { regionOfCountry } from "../lib/projects/regions";
import { expect, signInAs, test } from "./fixtures";

/**
 * Exports hold exactly what the table shows: the same rows in the same order,
 * the visible columns in their order, cell by cell, in CSV and XLSX.
 */
const table = (page: Page) => page.getByRole("table", { name: /^Projects/ });

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function download(page: Page, name: string): Promise<{ file: Download; bytes: Buffer }> {
  const pending = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  const file = await pending;
  return { file, bytes: await fs.readFile(await file.path()) };
}

/** The table as text: header names and, per row, the cells' visible text. */
async function tableText(page: Page) {
  const headers = (await table(page).getByRole("columnheader").allInnerTexts()).map((h) => h.replace(/\s+/g, " ").trim());
  const rows = await table(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader") })
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.querySelector("th a")?.textContent?.trim() ?? "",
        cells: [...tr.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, " ").trim()),
      })),
    );
  return { headers, rows };
}

// The seeded dates are known to the year: the table and both exports show "2027".
const seeded = minmetalsPortfolio.projects;

test.describe("exports", () => {
  test.setTimeout(120_000);

  test("CSV and XLSX hold the table's rows and visible columns cell by cell, Chinese names and dates included", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/projects?region=CHINA&region=AFRICA&sort=finish&dir=desc&view=none&pageSize=100");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
    // Columns as a reader sets them: forecast finish and operating company shown, last updated hidden.
    await page.getByText("Table settings").click();
    await page.getByRole("checkbox", { name: "Show Forecast finish" }).check();
    await page.getByRole("checkbox", { name: "Show Operating company" }).check();
    await page.getByRole("checkbox", { name: "Show Last updated" }).uncheck();
    await expect(page.getByRole("columnheader", { name: /^Forecast finish/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /^Last updated/ })).toHaveCount(0);
    const { headers, rows } = await tableText(page);
    expect(rows.length).toBe(seeded.filter((p) => ["CHINA", "AFRICA"].includes(regionOfCountry(p.countryCode) ?? "")).length);
    // The table's name cell shows the English name (row header); the export adds the Chinese name beside it.
    const nameCol = headers.indexOf("Name");
    const finishCol = headers.indexOf("Forecast finish");
    expect(nameCol).toBe(0);
    expect(finishCol).toBeGreaterThan(0);

    const csv = await download(page, "Export CSV");
    expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM: Excel reads the Chinese names right
    const [csvHeader, ...csvRows] = parseCsv(csv.bytes.toString("utf8").slice(1).replace(/\r\n$/, ""));
    expect(csvRows.length).toBe(rows.length);
    // Export headers are the table's, with "Chinese name" after "Name" and the next milestone's due date after it.
    const expectedHeader = headers.flatMap((h) =>
      h === "Name" ? ["Name", "Chinese name"] : h === "Next milestone" ? ["Next milestone", "Next milestone due"] : [h],
    );
    expect(csvHeader).toEqual(expectedHeader.map((h) => (h === "Progress" ? "Progress (%)" : h)));

    const xlsx = await download(page, "Export Excel");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as never);
    const sheet = book.getWorksheet("Projects")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csvHeader);

    rows.forEach(({ name, cells }, r) => {
      const line = csvRows[r];
      const xrow = sheet.getRow(r + 2);
      const project = seeded.find((p) => p.nameEn === name)!;
      expect(project, name).toBeTruthy();
      let c = 0; // export column
      headers.forEach((h, i) => {
        const shown = cells[i] === "—" ? "" : cells[i];
        const xcell = xrow.getCell(c + 1);
        switch (h) {
          case "Name":
            // The name cell shows the English name and, beneath it, the Chinese one.
            expect(shown).toBe([name, project.nameZh].filter(Boolean).join(" "));
            expect(line[c]).toBe(name);
            expect(xcell.value).toBe(name);
            expect(line[c + 1]).toBe(project.nameZh ?? "");
            expect(xrow.getCell(c + 2).value ?? "").toBe(project.nameZh ?? "");
            c += 2;
            return;
          case "Forecast finish":
          case "Next milestone": {
            if (h === "Next milestone") {
              expect(line[c]).toBe(shown);
              c += 2;
              return;
            }
            expect(line[c]).toBe(shown); // "2027": a year stays a year
            if (shown) {
              expect(xcell.value).toEqual(new Date(`${shown}-01-01T00:00:00Z`)); // a date cell, shown as a year
              expect(xcell.numFmt).toBe("yyyy");
            } else expect(xcell.value).toBeNull();
            c += 1;
            return;
          }
          case "Progress":
            expect(line[c]).toBe(shown.replace("%", ""));
            if (shown) expect(xcell.value).toBe(Number(shown.replace("%", "")) / 100);
            c += 1;
            return;
          default:
            expect(line[c], `${name} / ${h}`).toBe(shown);
            expect(xcell.value ?? "", `${name} / ${h}`).toBe(shown);
            c += 1;
        }
      });
    });
    expect(csvRows.filter((l) => /[\u4e00-\u9fff]/.test(l[1])).length).toBeGreaterThan(0);

    // The downloads' clicks outside closed the settings popover: open it again.
    await page.getByText("Table settings").click();
    await page.getByRole("button", { name: "Reset columns" }).click();
    await expect(page.getByRole("columnheader", { name: /^Last updated/ })).toBeVisible();

    // Milestones: a second sheet with the listed projects' milestones, dates typed.
    const milestones = book.getWorksheet("Milestones")!;
    const listed = new Set(rows.map((r) => r.name));
    // Other specs plan milestones on some of these projects: count what the API says now.
    let expected = 0;
    for (const p of seeded.filter((p) => listed.has(p.nameEn)))
      expected += ((await (await page.request.get(`/api/projects/${p.slug}`)).json()) as { milestones: unknown[] }).milestones.length;
    expect(milestones.rowCount - 1).toBe(expected);
    for (let r = 2; r <= milestones.rowCount; r++) {
      expect(listed.has(String(milestones.getRow(r).getCell(1).value))).toBe(true);
      const actual = milestones.getRow(r).getCell(6).value;
      if (actual !== null) expect(actual).toBeInstanceOf(Date);
    }
  });

  test("a bad export request is refused with a clear error and exports follow the reading rules", async ({ request }) => {
    const bad = await request.get("/api/projects/export?format=pdf");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("BAD_REQUEST");
    const badColumn = await request.get("/api/projects/export?columns=name,secret");
    expect(badColumn.status()).toBe(400);
    expect(JSON.stringify(await badColumn.json())).toContain("secret");
  });
});
