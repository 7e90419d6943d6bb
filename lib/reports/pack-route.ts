import "server-only";
import type { Viewer } from "../auth/session";
import type { ErrorCode } from "../errors";
import { packHtml, packPdf, packXlsx } from "./pack-export";
import { packLabels } from "./pack-labels";
import { isUnitCode } from "../org/org-path";
import { isPeriodId } from "./periods";
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
  if (!isPeriodId(periodId)) return { ok: false, code: "NOT_FOUND", message: "A period is a month: YYYY-MM." };
  if (format !== "xlsx" && format !== "pdf") return { ok: false, code: "BAD_REQUEST", message: "format must be xlsx or pdf" };
  if (unit && !isUnitCode(unit)) return { ok: false, code: "BAD_REQUEST", message: "unit must be a unit code" };
  const pack = await getReportPack({ viewer, periodId, unit: unit || undefined });
  const labels = packLabels(locale);
  const file = `lodestone-report-pack-${periodId}${unit ? `-${unit}` : ""}.${format}`;
  const body = format === "xlsx" ? await packXlsx(pack, labels) : await packPdf(packHtml(pack, labels));
  return {
    ok: true,
    response: new Response(new Uint8Array(body), {
      headers: {
        "content-type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf",
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "private, no-store",
      },
    }),
  };
}
