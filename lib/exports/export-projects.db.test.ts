import { WHOLE_PORTFOLIO } from "../projects/project-scope";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import messages from "../../messages/en.json";
import zhMessages from "../../messages/zh-CN.json";
import { loadPortfolio } from "../db/seed";
import { buildProject } from "../test/factories";
import { testBackends, withTestDatabase } from "../test/database";
import { parseListParamsLenient } from "../projects/list-params";
import { listProjects } from "../projects/list-projects";
import type { ExportLabels } from "./export-columns";
import { exportFileName, exportProjectsCsv, exportProjectsXlsx } from "./export-projects";
import { localizedExportLabels } from "./localized-labels";
import { parseExportRequest } from "./export-request";

const labels: ExportLabels = localizedExportLabels("en", messages);

/** A minimal RFC 4180 reader for the test (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = "",
    quoted = false;
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
  return rows;
}

async function read(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe.each(testBackends())("exports on %s", (backend) => {
  const database = withTestDatabase(backend);

  beforeAll(async () => {
    await loadPortfolio(database().prisma, {
      source: { key: "s", title: "S", publisher: "T", publishedOn: "2025-01-23" },
      projects: [
        buildProject({
          slug: "las-bambas",
          nameEn: "Las Bambas Copper Mine",
          nameZh: "拉斯邦巴斯铜矿",
          countryCode: "PE",
          stage: "OPERATION",
          health: "AT_RISK",
          progressPercent: 85,
          commodities: ["copper", "molybdenum"],
          operatingCompany: "MMG Limited",
          forecastFinish: { date: "2027-07-01", precision: "QUARTER" },
          milestones: [
            {
              key: "a",
              title: "Chalcobamba pit",
              titleZh: "查科班巴矿坑",
              state: "PLANNED",
              baseline: { date: "2025-01-01", precision: "YEAR" },
              forecast: { date: "2026-03-01", precision: "MONTH" },
            },
            { key: "b", title: "Road", state: "ACHIEVED", actual: { date: "2024-05-17", precision: "DAY" } },
          ],
        }),
        buildProject({ slug: "formula", nameEn: '=HYPERLINK("http://evil")', countryCode: "CN", stage: "DESIGN", operatingCompany: 'A, B "and" C' }),
        buildProject({ slug: "zinc", nameEn: "Zinc, Lead Works", countryCode: "ZM", stage: "OPERATION" }),
      ],
    });
  });

  const query = "stage=OPERATION,DESIGN&sort=name";
  const params = parseListParamsLenient(new URLSearchParams(query)).params;
  const columns = ["name", "country", "stage", "health", "progress", "finish", "company", "commodities", "nextMilestone"] as const;

  it("writes CSV cell by cell as the table shows it, with a BOM, quoting and formula guard", async () => {
    const bytes = await read(exportProjectsCsv({ params, columns: [...columns], labels, where: { scope: WHOLE_PORTFOLIO }, batchSize: 1 }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8").slice(1));
    expect(rows[0]).toEqual([
      "Name",
      "Chinese name",
      "Country",
      "Stage",
      "Health",
      "Progress (%)",
      "Forecast finish",
      "Operating company",
      "Commodities",
      "Next milestone",
      "Next milestone due",
    ]);
    const table = (await listProjects(params, { scope: WHOLE_PORTFOLIO })).rows;
    expect(rows.slice(1).map((r) => r[0].replace(/^'/, ""))).toEqual(table.map((r) => r.nameEn));
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://evil")', "", "China", "Design", "On track", "", "", 'A, B "and" C', "copper", "", ""]);
    expect(rows[2]).toEqual([
      "Las Bambas Copper Mine",
      "拉斯邦巴斯铜矿",
      "Peru",
      "Operation",
      "At risk",
      "85",
      "2027-Q3",
      "MMG Limited",
      "copper; molybdenum",
      "Chalcobamba pit",
      "2026-03",
    ]);
    expect(rows[3][0]).toBe("Zinc, Lead Works");
    expect(rows).toHaveLength(4);
  });

  it("writes XLSX with typed cells and a Milestones sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await read(exportProjectsXlsx({ params, columns: [...columns], labels, where: { scope: WHOLE_PORTFOLIO } }))) as never);
    const projects = workbook.getWorksheet("Projects")!;
    const las = projects.getRow(3);
    expect(las.getCell(1).value).toBe("Las Bambas Copper Mine");
    expect(las.getCell(2).value).toBe("拉斯邦巴斯铜矿");
    expect(las.getCell(6).value).toBe(0.85);
    expect(las.getCell(6).numFmt).toBe("0%");
    expect(las.getCell(7).value).toEqual(new Date("2027-07-01T00:00:00Z"));
    expect(las.getCell(11).value).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(las.getCell(11).numFmt).toBe("yyyy-mm");
    expect(projects.getRow(2).getCell(1).value).toBe('=HYPERLINK("http://evil")'); // a string cell, never a formula
    expect(projects.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    const milestones = workbook.getWorksheet("Milestones")!;
    expect(milestones.getRow(1).values).toEqual([
      undefined,
      "Project",
      "Milestone",
      "Milestone (Chinese)",
      "Baseline",
      "Forecast",
      "Actual",
      "State",
      "Slip (days)",
    ]);
    const first = milestones.getRow(2);
    expect(first.getCell(1).value).toBe("Las Bambas Copper Mine");
    expect(first.getCell(3).value).toBe("查科班巴矿坑");
    expect(first.getCell(4).value).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(first.getCell(4).numFmt).toBe("yyyy");
    expect(first.getCell(8).value).toBe(60); // March 2026 starts 60 days after the end of 2025
    expect(milestones.rowCount).toBe(3);
  });

  it("writes the user's language: Chinese headers, values, dates as text and sheet names, in pinyin name order", async () => {
    const zh = localizedExportLabels("zh-CN", zhMessages);
    const rows = parseCsv(
      (await read(exportProjectsCsv({ params, columns: [...columns], labels: zh, where: { scope: WHOLE_PORTFOLIO } }))).toString("utf8").slice(1),
    );
    expect(rows[0]).toEqual([
      "英文名称",
      "中文名称",
      "国家/地区",
      "阶段",
      "健康状况",
      "进度（%）",
      "预计完成",
      "运营公司",
      "矿种/产品",
      "下一里程碑",
      "下一里程碑到期",
    ]);
    const las = rows.find((r) => r[0] === "Las Bambas Copper Mine")!;
    expect(las).toEqual([
      "Las Bambas Copper Mine",
      "拉斯邦巴斯铜矿",
      "秘鲁",
      "运营",
      "有风险",
      "85",
      "2027年第3季度",
      "MMG Limited",
      "铜; 钼",
      "查科班巴矿坑",
      "2026年3月",
    ]);
    // zh-CN order: the names zh-CN shows, as Intl.Collator("zh-CN") orders them (symbols, then Han by pinyin, then Latin)
    const shown = rows.slice(1).map((r) => r[1] || r[0].replace(/^'/, ""));
    expect(shown).toEqual([...shown].sort(new Intl.Collator("zh-CN").compare));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await read(exportProjectsXlsx({ params, columns: [...columns], labels: zh, where: { scope: WHOLE_PORTFOLIO } }))) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["项目", "里程碑"]);
    const projects = workbook.getWorksheet("项目")!;
    const row = projects.getRows(2, 3)!.find((r) => r.getCell(1).value === "Las Bambas Copper Mine")!;
    expect(row.getCell(7).value).toEqual(new Date("2027-07-01T00:00:00Z")); // still a typed date
    expect(row.getCell(7).numFmt).toBe('yyyy-mm "（季度）"');
    expect(workbook.getWorksheet("里程碑")!.getRow(2).getCell(1).value).toBe("拉斯邦巴斯铜矿");
  });

  it("parses an export request strictly and names the file by date", () => {
    const ok = parseExportRequest(new URLSearchParams("format=xlsx&columns=stage,name&region=AFRICA"));
    expect(ok.ok && ok.columns).toEqual(["name", "stage"]);
    const bad = parseExportRequest(new URLSearchParams("format=pdf&columns=secret&region=MARS"));
    expect(!bad.ok && Object.keys(bad.fields).sort()).toEqual(["columns", "format", "region"]);
    expect(exportFileName("csv", new Date("2026-11-25T10:00:00Z"))).toBe("lodestone-projects-2026-11-25.csv");
  });
});
