import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, readSheet } from "../sheets/sheet";
import { checkCostRow, costRowFromSheet, duplicateReferences, missingCostColumns } from "./upload-rows";

const HEADER = "Project,External ref,Category,Measure,Period,Amount,Currency";

describe("cost sheet parser", () => {
  it("reads CSV with quotes, CRLF, a BOM and blank lines", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n1,2')).toEqual([["a", "b"], ["x, y", 'say "hi"'], [""], ["1", "2"]]);
  });

  it("lists every error of every bad row, and passes good rows", async () => {
    const csv = [
      HEADER,
      "mine-a,ERP-1,mining,ACTUAL,2026-01,1250000.00,USD", // good
      "mine-a,ERP-2,mining,actual,2026-02-01,99.5,usd", // good: case and a day-1 date are normalized
      "mine-a,ERP-3,mining,ACTUAL,2026-13,100,USD", // bad period
      'mine-a,ERP-4,mining,ACTUAL,2026-03,"1,250.00",USD', // bad number: thousands separator
      "mine-a,ERP-5,mining,ACTUAL,2026-03,12.345,USD", // bad number: three decimals
      "mine-a,ERP-6,mining,ACTUAL,2026-03,abc,USD", // bad number
      "mine-a,ERP-7,mining,ACTUAL,2026-03,100,US$", // bad currency
      "mine-a,ERP-8,mining,SPENT,2026-03,100,USD", // bad measure
      ",,mining,ACTUAL,2026-03,100,USD", // missing project and reference
      "mine-a,ERP-10,mining,ACTUAL,March,1e5,XX", // three errors at once
    ].join("\n");
    const sheet = await readSheet({ name: "costs.csv", bytes: new TextEncoder().encode(csv) });
    if ("error" in sheet) throw new Error(sheet.error);
    expect(missingCostColumns(sheet.headers)).toEqual([]);
    const results = sheet.rows.map((r) => ({ row: r.row, ...checkCostRow(costRowFromSheet(r)) }));
    expect(results.map((r) => [r.row, r.errors.map((e) => `${e.code}:${e.field}`)])).toEqual([
      [2, []],
      [3, []],
      [4, ["badPeriod:period"]],
      [5, ["badNumber:amount"]],
      [6, ["badNumber:amount"]],
      [7, ["badNumber:amount"]],
      [8, ["badCurrency:currency"]],
      [9, ["badMeasure:measure"]],
      [10, ["missingValue:project", "missingValue:externalRef"]],
      [11, ["badPeriod:period", "badNumber:amount", "badCurrency:currency"]],
    ]);
    expect(results[1].parsed).toMatchObject({ measure: "ACTUAL", period: "2026-02", amount: "99.5", currency: "USD" });
  });

  it("flags a reference used twice in one project, on both rows", () => {
    const d = duplicateReferences([
      { row: 2, project: "a", externalRef: "R" },
      { row: 3, project: "b", externalRef: "R" },
      { row: 4, project: "a", externalRef: "R" },
    ]);
    expect([...d.keys()]).toEqual([2, 4]);
    expect(d.get(2)).toMatchObject({ code: "duplicateReference", params: { rows: "2, 4" } });
  });

  it("reports missing columns, unsupported and unreadable files", async () => {
    expect(missingCostColumns(["project", "amount"])).toEqual(["externalRef", "category", "measure", "period", "currency"]);
    expect(await readSheet({ name: "costs.pdf", bytes: new Uint8Array() })).toEqual({ error: "unsupportedFile" });
    expect(await readSheet({ name: "costs.xlsx", bytes: new TextEncoder().encode("not a zip") })).toEqual({ error: "unreadableFile" });
  });

  it("reads XLSX: numbers at spreadsheet precision, dates as days", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Costs");
    ws.addRow(HEADER.split(","));
    ws.addRow(["mine-a", "ERP-1", "mining", "ACTUAL", new Date(Date.UTC(2026, 2, 1)), 0.1 + 0.2, "USD"]);
    ws.addRow([]);
    ws.addRow(["mine-a", "ERP-2", "mining", "FORECAST", "2026-04", 1234.5, "USD"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = await readSheet({ name: "Costs.XLSX", bytes });
    if ("error" in sheet) throw new Error(sheet.error);
    expect(sheet.rows.map((r) => [r.row, r.cells.period, r.cells.amount])).toEqual([
      [2, "2026-03-01", "0.3"],
      [4, "2026-04", "1234.5"],
    ]);
    expect(sheet.rows.map((r) => checkCostRow(costRowFromSheet(r)).errors)).toEqual([[], []]);
  });
});
