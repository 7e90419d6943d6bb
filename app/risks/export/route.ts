import { connection, type NextRequest } from "next/server";
import { assertReader } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { exportRisks } from "@/lib/risks/export-risks";

// GET /risks/export?format=csv|xlsx&<the list's filters>
export async function GET(request: NextRequest) {
  await connection();
  return handleRoute("GET /risks/export", async () => exportRisks({ viewer: await assertReader(), search: request.nextUrl.searchParams }));
}
