import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPortfolio } from "../db/seed";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { createViewer } from "../test/viewers";
import { packHtml, packPdf, packReportBatches, packXlsxStream } from "./pack-export";
import { packLabels } from "./pack-labels";
import { getReportPack } from "./read-reports";
import { createReportDraft, publishReport, saveReportNarrative, submitReport } from "./report-workflow";

async function xlsx(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe.each(testBackends())("report pack exports on %s", (backend) => {
  const database = withTestDatabase(backend);
  const periodId = "2026-10";

  beforeAll(async () => {
    const prisma = database().prisma;
    await loadPortfolio(prisma, {
      projects: [
        buildProject({ slug: "xa", nameEn: "Copper Mine", nameZh: "铜矿项目", businessLine: "BASE_METALS", progressPercent: 40 }),
        buildProject({ slug: "xb", nameEn: "Lithium Plant", nameZh: "锂盐工厂", businessLine: "NEW_ENERGY_MATERIALS", progressPercent: 60 }),
        buildProject({ slug: "xc", nameEn: "Late Project", nameZh: "迟报项目", businessLine: "BASE_METALS" }),
      ],
    });
    const admin = await createViewer(prisma, "admin");
    for (const slug of ["xa", "xb"]) {
      const d = await createReportDraft({ viewer: admin, slug, input: { periodId } });
      if (!d.ok) throw new Error("setup");
      await saveReportNarrative({
        viewer: admin,
        reportId: d.data.id,
        input: { version: 1, narrative: { summaryEn: `Summary of ${slug}`, summaryZh: `${slug}的摘要：进展顺利` } },
      });
      await submitReport({ viewer: admin, reportId: d.data.id, input: { version: 2 } });
      await publishReport({ viewer: admin, reportId: d.data.id, input: { version: 3 } });
    }
  });

  it("writes one row per published report, the narrative in its own sheet, and the not-reported list", async () => {
    const pack = await getReportPack({ viewer: null, periodId, withReports: false });
    expect(pack).toMatchObject({ published: 2, groups: [], healthCounts: (await getReportPack({ viewer: null, periodId })).healthCounts });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx(packXlsxStream({ viewer: null, periodId, labels: packLabels("zh-CN"), pack }))) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["报告", "叙述", "未报告", "数据"]);
    const reports = wb.getWorksheet("报告")!;
    expect(reports.rowCount).toBe(3);
    const rows = [2, 3].map((i) => reports.getRow(i).values as unknown[]);
    expect(rows.map((r) => r[3]).sort()).toEqual(["xa", "xb"]);
    expect(rows.map((r) => r[7]).sort()).toEqual([40, 60]);
    expect(rows.map((r) => r[4])).toEqual(["集团本部", "集团本部"]);
    const narrative = wb.getWorksheet("叙述")!;
    expect(narrative.getRow(2).values).toContain("xa的摘要：进展顺利");
    expect(wb.getWorksheet("未报告")!.getRow(2).values).toContain("迟报项目");
    const figures = wb.getWorksheet("数据")!;
    const progress = (figures.getSheetValues() as unknown[][]).find((r) => r && r[1] === "进度（百分比之和）");
    expect(progress?.[3]).toBe(100);
  });

  it("reads the reports in keyset-paged batches: every report once, in name order, whatever the batch size", async () => {
    const all: string[] = [];
    for await (const batch of packReportBatches({ viewer: null, periodId, columns: "figures", batchSize: 1 })) {
      expect(batch).toHaveLength(1);
      all.push(batch[0].slug);
    }
    expect(all).toEqual(["xa", "xb"]);
    const big: string[] = [];
    for await (const batch of packReportBatches({ viewer: null, periodId, columns: "narrative", batchSize: 1000 })) big.push(...batch.map((r) => r.slug));
    expect(big).toEqual(all);
    // the reader's scope applies: a unit outside the tree has nothing
    const none: unknown[] = [];
    for await (const batch of packReportBatches({ viewer: null, periodId, unit: "NOPE", columns: "figures" })) none.push(...batch);
    expect(none).toEqual([]);
  });

  it("prints a PDF whose Chinese text extracts (pdftotext)", async () => {
    const pack = await getReportPack({ viewer: null, periodId });
    const pdf = await packPdf(packHtml(pack, packLabels("zh-CN")));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pack-")), "pack.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
    for (const s of ["报告汇编：2026-10", "铜矿项目", "锂盐工厂", "迟报项目", "未报告"]) expect(text).toContain(s);
    // English pack: the Chinese names still render beside the English
    const en = await packPdf(packHtml(pack, packLabels("en")));
    fs.writeFileSync(file, en);
    const enText = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
    expect(enText).toContain("Copper Mine");
    expect(enText).toContain("铜矿项目");
  }, 60_000);
});
