import { connection, type NextRequest } from "next/server";
import { getLocale } from "next-intl/server";
import { assertReader } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { exportReportPack } from "@/lib/reports/pack-route";

// GET /reports/<period>/export?format=xlsx|pdf — the pack as the reader sees it, in the reader's language.
export async function GET(request: NextRequest, { params }: { params: Promise<{ period: string }> }) {
  await connection();
  return handleRoute("GET /reports/[period]/export", async () => {
    const viewer = await assertReader();
    const r = await exportReportPack({
      viewer,
      periodId: (await params).period,
      format: request.nextUrl.searchParams.get("format"),
      unit: request.nextUrl.searchParams.get("unit"),
      locale: await getLocale(),
    });
    return r.ok ? r.response : jsonError(r.code, r.message);
  });
}
