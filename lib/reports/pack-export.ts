import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { BusinessLine, Health } from "../db/generated/enums";
import { env } from "../env";
import { log } from "../log/logger";
import { NARRATIVE_FIELDS, type Narrative } from "./report.validation";
import type { PackLabels } from "./pack-labels";
import { packMonths } from "./periods";
import { latestPublishedIn, packScopeSql, subsidiaryOf } from "./read-pack";
import type { ReportPack } from "./read-reports";
import type { ReportChange } from "./snapshot/types";

/** Reports read per round trip while streaming the workbook: bounded memory, few queries. */
const BATCH = 1000;

interface ExportRow {
  id: string;
  periodId: string;
  businessLine: BusinessLine | null;
  health: Health | null;
  progressPercent: number | null;
  reportVersion: number;
  publishedAt: Date;
  changes: unknown;
  narrative: unknown;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  nameSortKey: string;
  path: string;
}

/**
 * The pack's reports (each project's latest published report in the span; a
 * correction replaces what it supersedes) in keyset-paged batches by name,
 * so the whole group's 20,000 reports are never in memory at once.
 */
export async function* packReportBatches({
  viewer,
  periodId,
  unit,
  columns,
  batchSize = BATCH,
}: {
  viewer: Viewer | null;
  periodId: string;
  unit?: string;
  columns: "figures" | "narrative";
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const prisma = await db();
  const unitRow = unit ? await prisma.orgUnit.findUnique({ where: { code: unit }, select: { path: true } }) : null;
  const where = packScopeSql(viewer, undefined, unit ? (unitRow?.path ?? null) : undefined);
  const latest = latestPublishedIn(packMonths(periodId));
  // Only the column the sheet needs: the narrative is the bulk of a report.
  const payload = columns === "narrative" ? Prisma.sql`r."narrative", NULL AS "changes"` : Prisma.sql`r."changes", NULL AS "narrative"`;
  let cursor: { nameSortKey: string; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor ? Prisma.sql`(p."nameSortKey", r."id") > (${cursor.nameSortKey}, ${cursor.id}::uuid)` : Prisma.sql`TRUE`;
    const rows: ExportRow[] = await prisma.$queryRaw<ExportRow[]>`
      SELECT r."id", r."periodId", r."businessLine", r."health", r."progressPercent", r."reportVersion", r."publishedAt", ${payload},
        p."slug", p."nameEn", p."nameZh", p."nameSortKey", u."path"
      FROM "StatusReport" r JOIN "Project" p ON p."id" = r."projectId" JOIN "OrgUnit" u ON u."id" = p."orgUnitId"
      WHERE ${latest} AND ${where} AND ${after}
      ORDER BY p."nameSortKey", r."id"
      LIMIT ${batchSize}`;
    if (!rows.length) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    cursor = { nameSortKey: last.nameSortKey, id: last.id };
  }
}

/**
 * The pack as a workbook, streamed (exceljs's streaming writer): one row per
 * published report with its figures, the narrative in its own sheet (one row
 * per report and field, both languages), the projects that have not reported,
 * and the portfolio figures. The reports are read in batches and each row is
 * committed as it is written, so memory stays bounded whatever the group's
 * size; the response starts before the last report is read.
 */
export function packXlsxStream({
  viewer,
  periodId,
  unit,
  labels: l,
  pack,
}: {
  viewer: Viewer | null;
  periodId: string;
  unit?: string;
  labels: PackLabels;
  /** the pack without its reports (getReportPack withReports: false): counts, not reported, figures */
  pack: ReportPack;
}): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Lodestone";
  const x = (k: string) => l.t(`xlsx.${k}`);
  const subsidiaryName = new Map<string, string>();
  const subsidiaryLabel = async (path: string) => {
    const code = subsidiaryOf(path);
    if (!code) return l.t("pack.groupOwned");
    if (!subsidiaryName.has(code)) {
      const prisma = await db();
      const u = await prisma.orgUnit.findUnique({ where: { code }, select: { nameEn: true, nameZh: true } });
      subsidiaryName.set(code, u ? l.name(u) : code);
    }
    return subsidiaryName.get(code)!;
  };
  const write = async () => {
    const reports = wb.addWorksheet(x("reports"), { views: [{ state: "frozen", ySplit: 1 }] });
    reports.columns = [
      { header: x("project"), width: 36 },
      { header: x("projectZh"), width: 24 },
      { header: x("slug"), width: 24 },
      { header: x("subsidiary"), width: 28 },
      { header: x("businessLine"), width: 24 },
      { header: x("health"), width: 12 },
      { header: x("progress"), width: 10 },
      { header: x("version"), width: 8 },
      { header: x("publishedAt"), width: 20 },
      { header: x("changes"), width: 80 },
      ...(pack.span === "month" ? [] : [{ header: x("period"), width: 10 }]),
    ];
    reports.getRow(1).font = { bold: true };
    for await (const batch of packReportBatches({ viewer, periodId, unit, columns: "figures" })) {
      for (const r of batch)
        reports
          .addRow([
            r.nameEn,
            r.nameZh ?? "",
            r.slug,
            await subsidiaryLabel(r.path),
            l.enumLabel("businessLine", r.businessLine),
            l.enumLabel("health", r.health),
            r.progressPercent,
            r.reportVersion,
            new Date(r.publishedAt),
            ((r.changes ?? []) as ReportChange[]).map(l.change).join("\n"),
            ...(pack.span === "month" ? [] : [r.periodId]),
          ])
          .commit();
      await drained(out);
    }
    reports.commit();
    const narrative = wb.addWorksheet(x("narrative"), { views: [{ state: "frozen", ySplit: 1 }] });
    narrative.columns = [
      { header: x("project"), width: 36 },
      { header: x("field"), width: 28 },
      { header: x("english"), width: 80 },
      { header: x("chinese"), width: 80 },
    ];
    narrative.getRow(1).font = { bold: true };
    for await (const batch of packReportBatches({ viewer, periodId, unit, columns: "narrative" })) {
      for (const r of batch) {
        const n = (r.narrative ?? {}) as Partial<Narrative>;
        for (const f of NARRATIVE_FIELDS) {
          const en = n[`${f}En`] ?? "";
          const zh = n[`${f}Zh`] ?? "";
          if (en || zh) narrative.addRow([l.name(r), l.t(`narrative.${f}`), en, zh]).commit();
        }
      }
      await drained(out);
    }
    narrative.commit();
    const open = wb.addWorksheet(x("notReported"));
    open.columns = [
      { header: x("project"), width: 36 },
      { header: x("slug"), width: 24 },
      { header: x("state"), width: 14 },
      { header: x("since"), width: 20 },
    ];
    open.getRow(1).font = { bold: true };
    for (const p of pack.notReported) open.addRow([l.name(p), p.slug, l.t(`states.${p.state}`), new Date(p.since)]).commit();
    open.commit();
    const figures = wb.addWorksheet(x("figures"));
    figures.columns = [
      { header: x("figure"), width: 36 },
      { header: x("currency"), width: 10 },
      { header: x("value"), width: 16 },
    ];
    figures.getRow(1).font = { bold: true };
    for (const f of pack.figures) figures.addRow([l.figure(f.key), f.currency, Number(f.sum)]).commit();
    for (const [h, n] of Object.entries(pack.healthCounts)) figures.addRow([l.enumLabel("health", h), "", n]).commit();
    for (const m of pack.months) if (m.closedAt) figures.addRow([l.t("pack.closedOn", { period: m.periodId, date: m.closedAt.slice(0, 10) }), "", ""]).commit();
    figures.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => {
    // Headers are gone already: the download breaks off (the browser shows it failed) and the log says why.
    log().error({ err, periodId }, "pack XLSX stream failed");
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Waits while the reader is behind (the zip's output unread): what is not yet sent is what is held. */
async function drained(out: PassThrough): Promise<void> {
  while (out.readableLength > 4 * 2 ** 20 && !out.destroyed) await new Promise((r) => setTimeout(r, 5));
}

const esc = (s: string | number | null | undefined) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The pack as a printable document (what the PDF is made of): headlines, not reported, figures, reports. */
export function packHtml(pack: ReportPack, l: PackLabels): string {
  const p = (k: string, v?: Record<string, string | number>) => esc(l.t(`pack.${k}`, v));
  const all = pack.groups.flatMap((g) => g.reports);
  const headline = all.filter((r) => r.changes.some((c) => c.severity === "bad" || c.severity === "warning"));
  const body = [
    `<h1>${p("title", { period: pack.periodId })}</h1>`,
    `<p class="meta">${p("published", { published: pack.published, inScope: pack.inScope })} · ${p("dueOn", { date: pack.dueOn })}</p>`,
    `<h2>${p("headlines")}</h2>`,
    headline.length
      ? `<ul>${headline
          .map(
            (r) =>
              `<li><strong>${esc(l.name(r))}</strong><ul>${r.changes
                .filter((c) => c.severity === "bad" || c.severity === "warning")
                .map((c) => `<li>${esc(l.change(c))}</li>`)
                .join("")}</ul></li>`,
          )
          .join("")}</ul>`
      : `<p>${p("noHeadlines")}</p>`,
    `<h2>${p("notReported")} (${pack.notReported.length})</h2>`,
    pack.notReported.length
      ? `<ul>${pack.notReported.map((n) => `<li>${esc(l.name(n))} — ${esc(l.t(`states.${n.state}`))}, ${p("since", { date: n.since.slice(0, 10) })}${n.overdue ? `, ${p("overdue")}` : ""}</li>`).join("")}</ul>`
      : `<p>${p("allReported")}</p>`,
    `<h2>${p("figures")}</h2>`,
    `<table><tbody>${Object.entries(pack.healthCounts)
      .map(([h, n]) => `<tr><th>${esc(l.enumLabel("health", h))}</th><td>${n}</td></tr>`)
      .join(
        "",
      )}${pack.figures.map((f) => `<tr><th>${esc(l.figure(f.key))}${f.currency ? ` (${esc(f.currency)})` : ""}</th><td>${esc(f.sum)}</td></tr>`).join("")}</tbody></table>`,
    ...pack.groups.map(
      (g) =>
        `<h2>${esc(`${g.subsidiary ? l.name(g.subsidiary) : l.t("pack.groupOwned")} · ${g.businessLine ? l.enumLabel("businessLine", g.businessLine) : "—"}`)} (${g.reports.length})</h2>` +
        g.reports
          .map((r) => {
            const summary = l.locale === "zh-CN" ? r.narrative.summaryZh || r.narrative.summaryEn : r.narrative.summaryEn || r.narrative.summaryZh;
            return `<section><h3>${esc(l.name(r))}${r.nameZh && l.locale !== "zh-CN" ? ` <span lang="zh-CN">${esc(r.nameZh)}</span>` : ""}</h3><p class="meta">${esc(l.enumLabel("health", r.health))}${r.progressPercent !== null ? ` · ${r.progressPercent} %` : ""}</p>${r.changes.length ? `<ul>${r.changes.map((c) => `<li>${esc(l.change(c))}</li>`).join("")}</ul>` : ""}${summary ? `<p>${esc(summary)}</p>` : ""}</section>`;
          })
          .join(""),
    ),
  ].join("\n");
  return `<!doctype html><html lang="${l.locale}"><head><meta charset="utf-8"><title>${p("title", { period: pack.periodId })}</title><style>
body{font-family:"Noto Sans CJK SC","Noto Serif CJK SC","Noto Sans",sans-serif;font-size:11pt;color:#111;margin:0}
h1{font-size:18pt;margin:0 0 4pt}h2{font-size:13pt;margin:14pt 0 4pt;border-bottom:1px solid #999}h3{font-size:11pt;margin:8pt 0 2pt}
.meta{color:#444;margin:0 0 4pt}table{border-collapse:collapse}th,td{text-align:left;padding:2pt 8pt 2pt 0}section{break-inside:avoid}
</style></head><body>${body}</body></html>`;
}

/**
 * Prints the pack document to PDF with headless Chromium (Debian's, by path;
 * the system's CJK fonts render the Chinese). docs/decisions/0057.
 */
export async function packPdf(html: string): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: env().CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    // No network: the document is self-contained; anything it would fetch is refused.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ format: "A4", margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" }, printBackground: true });
  } finally {
    await browser.close();
  }
}
