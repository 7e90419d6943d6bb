import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "./sheet";
import { zipOf } from "@/lib/test/zip-fixture";
import { checkZip, MAX_INFLATED_BYTES } from "./zip-guard";

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("reading an uploaded workbook", () => {
  it("reads every sheet of an XLSX, and a real workbook passes the zip check", async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet("Projects").addRows([
        ["Key", "Name (English)"],
        ["a", "A"],
      ]);
      wb.addWorksheet("Milestones").addRows([["Project key"], [], ["a"]]);
    });
    expect(checkZip(bytes)).toEqual({ ok: true });
    const book = await readWorkbook({ name: "p.xlsx", bytes });
    expect("sheets" in book && book.sheets.map((s) => [s.name, s.headers, s.rows.map((r) => r.row)])).toEqual([
      ["Projects", ["key", "name(english)"], [2]],
      ["Milestones", ["projectkey"], [3]],
    ]);
  });

  it("refuses a zip bomb before inflating it: a declared size over the cap, and a header that understates what it inflates to", async () => {
    const declaredHuge = zipOf([{ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(Buffer.alloc(1000)), method: 8, declared: MAX_INFLATED_BYTES + 1 }]);
    expect(checkZip(declaredHuge)).toEqual({ ok: false, reason: "tooLarge" });
    expect(await readWorkbook({ name: "bomb.xlsx", bytes: declaredHuge })).toEqual({ error: "inflatesTooLarge" });
    // 8 MB of zeros deflate to ~8 KB; the header claims 100 bytes.
    const lying = zipOf([{ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(Buffer.alloc(8 * 1024 * 1024)), method: 8, declared: 100 }]);
    expect(checkZip(lying)).toEqual({ ok: false, reason: "tooLarge" });
    expect(await readWorkbook({ name: "bomb.xlsx", bytes: lying })).toEqual({ error: "inflatesTooLarge" });
    // Within a small cap the same entry passes when it tells the truth.
    const honest = zipOf([{ name: "a.xml", data: deflateRawSync(Buffer.alloc(5000)), method: 8, declared: 5000 }]);
    expect(checkZip(honest, 5000)).toEqual({ ok: true });
    expect(checkZip(honest, 4999)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("says a file that is not a spreadsheet is unreadable", async () => {
    expect(await readWorkbook({ name: "x.xlsx", bytes: new TextEncoder().encode("PK but not a zip at all") })).toEqual({ error: "unreadableFile" });
    expect(await readWorkbook({ name: "x.xlsx", bytes: zipOf([{ name: "hello.txt", data: new TextEncoder().encode("hi"), method: 0, declared: 2 }]) })).toEqual(
      { error: "unreadableFile" },
    );
    expect(await readWorkbook({ name: "x.csv", bytes: Uint8Array.from([0x61, 0x2c, 0xff, 0xfe, 0x0a]) })).toEqual({ error: "unreadableFile" });
    expect(await readWorkbook({ name: "x.pdf", bytes: new Uint8Array(10) })).toEqual({ error: "unsupportedFile" });
  });

  it("refuses formulas when asked (never evaluating them), and takes their cached values otherwise", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("Projects");
      ws.addRow(["Key", "Name (English)"]);
      ws.addRow(["a", { formula: 'CONCAT("A","B")', result: "AB" }]);
    });
    expect(await readWorkbook({ name: "f.xlsx", bytes }, { formulas: "refuse" })).toEqual({ error: "formulas", cells: ["Projects!B2"] });
    const cached = await readWorkbook({ name: "f.xlsx", bytes });
    expect("sheets" in cached && cached.sheets[0].rows[0].cells).toEqual({ key: "a", "name(english)": "AB" });
  });

  it("reads multi-byte text intact however the sheet's XML is chunked (exceljs's streaming reader split characters at chunk edges)", async () => {
    const names = Array.from({ length: 5_000 }, (_, i) => `导入项目${i}：铜矿${"é".repeat(i % 7)}`);
    const bytes = await xlsx((wb) => wb.addWorksheet("Projects").addRows([["Name (Chinese)"], ...names.map((n) => [n])]));
    const book = await readWorkbook({ name: "zh.xlsx", bytes });
    expect("sheets" in book && book.sheets[0].rows.map((r) => r.cells["name(chinese)"])).toEqual(names);
  });

  it("refuses a sheet with more rows than the limit, empty formatted rows included", async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet("Projects");
      ws.addRow(["Key"]);
      ws.addRow(["a"]);
      // 100,000 rows with nothing in them but a format.
      for (let r = 3; r <= 100_002; r += 1) ws.getRow(r).getCell(1).numFmt = "@";
    });
    expect(await readWorkbook({ name: "e.xlsx", bytes }, { maxRows: 100_000 })).toEqual({ error: "tooManyRows" });
  });
});
