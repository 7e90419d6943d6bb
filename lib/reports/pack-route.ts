import "server-only";
import type { Viewer } from "../auth/session";
import type { ErrorCode } from "../errors";
import { packHtml, packPdf, packXlsxStream } from "./pack-export";
import { packLabels } from "./pack-labels";
import { isUnitCode } from "../org/org-path";
import { isPackPeriod } from "./periods";
import { getReportPack } from "./read-reports";

type Result = { ok: true; response: Response } | { ok: false; code: ErrorCode; message: string };

export async function exportReportPack({
  viewer,
  periodId,
  format,
  locale,
  unit,
}: {
  viewer: Viewer | null;
  periodId: string;
  format: string | null;
  locale: string;
  unit?: string | null;
}): Promise<Result> {
  if (!isPackPeriod(periodId)) return { ok: false, code: "NOT_FOUND", message: "A period is a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)." };
  if (format !== "xlsx" && format !== "pdf") return { ok: false, code: "BAD_REQUEST", message: "format must be xlsx or pdf" };
  if (unit && !isUnitCode(unit)) return { ok: false, code: "BAD_REQUEST", message: "unit must be a unit code" };
  const labels = packLabels(locale);
  const file = `lodestone-report-pack-${periodId}${unit ? `-${unit}` : ""}.${format}`;
  // The workbook streams its reports in batches (a whole group's pack would not fit comfortably in memory);
  // the PDF is a printed page of the pack, which holds them anyway.
  const body =
    format === "xlsx"
      ? packXlsxStream({
          viewer,
          periodId,
          unit: unit || undefined,
          labels,
          pack: await getReportPack({ viewer, periodId, unit: unit || undefined, withReports: false }),
        })
      : new Uint8Array(await packPdf(packHtml(await getReportPack({ viewer, periodId, unit: unit || undefined }), labels)));
  return {
    ok: true,
    response: new Response(body, {
      headers: {
        "content-type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf",
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "private, no-store",
      },
    }),
  };
}
