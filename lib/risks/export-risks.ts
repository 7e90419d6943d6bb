import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { getLocale, getTranslations } from "next-intl/server";
import type { Viewer } from "../auth/session";
import { can } from "../auth/permissions";
import { csvLine, guardFormula, UTF8_BOM } from "../exports/csv";
import { localizedString } from "../i18n/bilingual";
import { log } from "../log/logger";
import { parseRiskListParams } from "./risk-list-params";
import { allRisks } from "./risk-queries";
import type { RiskRow } from "./types";

/**
 * The portfolio risk list as CSV or XLSX: the list's filters from the URL,
 * the reader's scope, every matching row streamed in batches.
 */
const COLUMNS = ["code", "title", "project", "category", "status", "response", "probability", "impact", "score", "band", "owner", "nextReview"] as const;

export async function exportRisks({ viewer, search }: { viewer: Viewer | null; search: URLSearchParams }): Promise<Response> {
  if (viewer && !can(viewer, "project:export"))
    return Response.json({ error: { code: "FORBIDDEN", message: "Your role does not allow exports." } }, { status: 403 });
  const format = search.get("format") === "xlsx" ? "xlsx" : "csv";
  const params = parseRiskListParams(search);
  const t = await getTranslations("risks");
  const locale = await getLocale();
  const headers = COLUMNS.map((c) => t(`columns.${c}`));
  const cells = (r: RiskRow): (string | number | null)[] => [
    r.code,
    localizedString(r.title, locale),
    localizedString(r.project.name, locale),
    t(`category.${r.category}`),
    t(`status.${r.status}`),
    r.response ? t(`response.${r.response}`) : null,
    r.probability,
    r.impact,
    r.score,
    r.band ? t(`band.${r.band}` as "band.low") : null,
    r.owner?.name ?? null,
    r.nextReviewOn,
  ];
  const rows = allRisks({ viewer, params });
  let body: ReadableStream<Uint8Array>;
  if (format === "csv") {
    const encoder = new TextEncoder();
    body = new ReadableStream({
      start(c) {
        c.enqueue(encoder.encode(UTF8_BOM + csvLine(headers)));
      },
      async pull(c) {
        const next = await rows.next();
        if (next.done) return c.close();
        c.enqueue(encoder.encode(csvLine(cells(next.value))));
      },
    });
  } else {
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    void (async () => {
      const sheet = workbook.addWorksheet(t("title"), { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = headers.map((h, i) => ({ header: h, key: COLUMNS[i], width: i === 1 ? 48 : 16 }));
      sheet.getRow(1).font = { bold: true };
      for await (const r of rows) sheet.addRow(cells(r).map((v) => (typeof v === "string" ? guardFormula(v) : v))).commit();
      sheet.commit();
      await workbook.commit();
    })().catch((err) => {
      log().error({ err }, "risk XLSX export failed while streaming");
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    body = Readable.toWeb(out) as ReadableStream<Uint8Array>;
  }
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="lodestone-risks-${new Date().toISOString().slice(0, 10)}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
