import "server-only";
import ExcelJS from "exceljs";
import { env } from "../env";
import { NARRATIVE_FIELDS } from "./report.validation";
import type { PackLabels } from "./pack-labels";
import type { ReportPack } from "./read-reports";

/**
 * The pack as a workbook: one row per published report with its figures, the
 * narrative in its own sheet (one row per report and field, both languages),
 * the projects that have not reported, and the portfolio figures.
 */
export async function packXlsx(pack: ReportPack, l: PackLabels): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Lodestone";
  const x = (k: string) => l.t(`xlsx.${k}`);
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
  ];
  reports.getRow(1).font = { bold: true };
  const narrative = wb.addWorksheet(x("narrative"), { views: [{ state: "frozen", ySplit: 1 }] });
  narrative.columns = [
    { header: x("project"), width: 36 },
    { header: x("field"), width: 28 },
    { header: x("english"), width: 80 },
    { header: x("chinese"), width: 80 },
  ];
  narrative.getRow(1).font = { bold: true };
  for (const g of pack.groups)
    for (const r of g.reports) {
      reports.addRow([
        r.nameEn,
        r.nameZh ?? "",
        r.slug,
        g.subsidiary ? l.name(g.subsidiary) : l.t("pack.groupOwned"),
        l.enumLabel("businessLine", r.businessLine),
        l.enumLabel("health", r.health),
        r.progressPercent,
        r.reportVersion,
        new Date(r.publishedAt),
        r.changes.map(l.change).join("\n"),
      ]);
      for (const f of NARRATIVE_FIELDS) {
        const en = r.narrative[`${f}En`] ?? "";
        const zh = r.narrative[`${f}Zh`] ?? "";
        if (en || zh) narrative.addRow([l.name(r), l.t(`narrative.${f}`), en, zh]);
      }
    }
  const open = wb.addWorksheet(x("notReported"));
  open.columns = [
    { header: x("project"), width: 36 },
    { header: x("slug"), width: 24 },
    { header: x("state"), width: 14 },
    { header: x("since"), width: 20 },
  ];
  open.getRow(1).font = { bold: true };
  for (const p of pack.notReported) open.addRow([l.name(p), p.slug, l.t(`states.${p.state}`), new Date(p.since)]);
  const figures = wb.addWorksheet(x("figures"));
  figures.columns = [
    { header: x("figure"), width: 36 },
    { header: x("currency"), width: 10 },
    { header: x("value"), width: 16 },
  ];
  figures.getRow(1).font = { bold: true };
  for (const f of pack.figures) figures.addRow([l.figure(f.key), f.currency, Number(f.sum)]);
  for (const [h, n] of Object.entries(pack.healthCounts)) figures.addRow([l.enumLabel("health", h), "", n]);
  return Buffer.from(await wb.xlsx.writeBuffer());
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
