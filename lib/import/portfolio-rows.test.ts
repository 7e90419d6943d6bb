import { describe, expect, it } from "vitest";
import { normalizeHeader, readWorkbook } from "../sheets/sheet";
import { MILESTONE_COLUMNS, missingColumns, PROJECT_COLUMNS, sheetKind } from "./columns";
import { checkMilestoneRow, checkProjectRow, markDuplicates } from "./portfolio-rows";

const HEAD =
  "Key,Name (English),Name (Chinese),Unit,Kind,Business line,Stage,Region,Country,Planned start,Planned start precision,Planned finish,Planned finish precision,Summary (English)";

async function projectRows(lines: string[]) {
  const book = await readWorkbook({ name: "projects.csv", bytes: new TextEncoder().encode([HEAD, ...lines].join("\n")) });
  if ("error" in book) throw new Error(book.error);
  const sheet = book.sheets[0];
  expect(missingColumns(PROJECT_COLUMNS, sheet.headers)).toEqual([]);
  const checked = sheet.rows.map(checkProjectRow);
  markDuplicates(checked);
  return checked;
}

describe("the portfolio sheets' row checks", () => {
  it("lists every error of every bad project row, and passes good rows", async () => {
    const checked = await projectRows([
      "mine-a,Mine A,甲矿,mmg,owned asset,BASE_METALS,construction,,PE,2027-03-15,month,2030-01-01,YEAR,", // good: case, spaces, a month normalized
      "mine-b,Mine B,,MMG,OWNED_ASSET,BASE_METALS,FEASIBILITY,MOON,,,,,,", // unknown region
      "mine-c,Mine C,,MMG,OWNED_ASSET,BASE_METALS,DREAMING,,,,,,,", // unknown stage
      "mine-d,Mine D,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,,2027-02-30,DAY,2027-13-01,WEEK,", // bad dates, bad precision
      "mine-e,Mine E,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,,,MONTH,,,", // a precision without a date
      "mine-f,示例铜矿,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,,,,,,一个铜矿", // Chinese in the English columns
      "Mine G!,,,,,,,,,,,,,", // bad key, and every required value missing
      "mine-h,Mine H,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,AFRICA,PE,,,,,", // region contradicts the country
      "mine-i,Mine I,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,XX,,,,,", // unknown country
      "mine-a,Mine A again,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,,,,,,", // duplicate key (with row 2)
      `mine-k,${"x".repeat(201)},,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,,,,,,`, // too long
      "mine-l,Mine\u0000L,,MMG,OWNED_ASSET,BASE_METALS,DESIGN,,,,,,,", // a control character
    ]);
    expect(checked.map((c) => [c.row, c.errors.map((e) => `${e.code}:${e.field}`)])).toEqual([
      [2, ["duplicateKey:key"]],
      [3, ["badEnum:region"]],
      [4, ["badEnum:stage"]],
      [5, ["badDate:plannedStart", "badDate:plannedFinish", "badPrecision:plannedFinishPrecision"]],
      [6, ["badPrecision:plannedStartPrecision"]],
      [7, ["chineseInEnglish:nameEn", "chineseInEnglish:summary"]],
      [8, ["badKey:key", "missingValue:nameEn", "missingValue:unit", "missingValue:kind", "missingValue:businessLine", "missingValue:stage"]],
      [9, ["regionMismatch:region"]],
      [10, ["badCountry:countryCode"]],
      [11, ["duplicateKey:key"]],
      [12, ["tooLong:nameEn"]],
      [13, ["badText:nameEn"]],
    ]);
    expect(checked[0].parsed).toBeNull(); // a duplicate is never planned
    const [good] = await projectRows(["mine-a,Mine A,甲矿,mmg,owned asset,BASE_METALS,construction,,PE,2027-03-15,month,2030-01-01,YEAR,"]);
    expect(good.parsed).toMatchObject({
      key: "mine-a",
      unit: "MMG",
      kind: "OWNED_ASSET",
      stage: "CONSTRUCTION",
      region: "LATIN_AMERICA",
      countryCode: "PE",
      plannedStart: { date: "2027-03-01", precision: "MONTH" },
      plannedFinish: { date: "2030-01-01", precision: "YEAR" },
    });
  });

  it("checks milestone rows: keys, English title, state, an achieved milestone's actual date, duplicates per project", () => {
    const row = (n: number, cells: Record<string, string>) => ({
      row: n,
      cells: Object.fromEntries(Object.entries(cells).map(([k, v]) => [normalizeHeader(k), v])),
    });
    const checked = [
      row(2, {
        "Project key": "mine-a",
        "Milestone key": "fid",
        "Title (English)": "FID",
        State: "planned",
        Baseline: "2027-06-01",
        "Baseline precision": "MONTH",
      }),
      row(3, { "Project key": "mine-a", "Milestone key": "cod", "Title (English)": "COD", State: "ACHIEVED" }),
      row(4, { "Project key": "mine-a", "Milestone key": "fid", "Title (English)": "投资决策", State: "DONE" }),
      row(5, { "Project key": "", "Milestone key": "x y", "Title (English)": "" }),
    ].map(checkMilestoneRow);
    markDuplicates(checked);
    expect(checked.map((c) => [c.key, c.errors.map((e) => `${e.code}:${e.field}`)])).toEqual([
      ["mine-a/fid", ["duplicateKey:key"]],
      ["mine-a/cod", ["needsActual:actual"]],
      ["mine-a/fid", ["chineseInEnglish:title", "badEnum:state", "duplicateKey:key"]],
      ["/x y", ["missingValue:project", "badKey:key", "missingValue:title"]],
    ]);
    const [ok] = [row(2, { project: "mine-a", key: "fid", title: "FID", baseline: "2027-06-17", baselinePrecision: "QUARTER" })].map(checkMilestoneRow);
    expect(ok.parsed).toMatchObject({ state: "PLANNED", baseline: { date: "2027-04-01", precision: "QUARTER" } });
  });

  it("knows the sheets by name in either language, or a CSV by its columns; headers in Chinese work too", () => {
    expect(sheetKind("Projects", [])).toBe("projects");
    expect(sheetKind("里程碑", [])).toBe("milestones");
    expect(sheetKind("Allowed values", [])).toBe("allowed");
    expect(sheetKind("export.csv", ["projectkey", "milestonekey", "title(english)"])).toBe("milestones");
    expect(sheetKind("export.csv", ["key", "name(english)"])).toBe("projects");
    expect(sheetKind("export.csv", ["email", "name"])).toBe("users");
    expect(missingColumns(PROJECT_COLUMNS, ["项目键", "英文名称", "所属单位", "类型", "业务板块", "阶段"].map(normalizeHeader))).toEqual([]);
    expect(missingColumns(MILESTONE_COLUMNS, ["projectkey"])).toEqual(["key", "title"]);
  });
});
