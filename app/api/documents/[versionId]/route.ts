import { connection, type NextRequest } from "next/server";
import { assertReader } from "@/lib/auth/session";
import { downloadResponse } from "@/lib/documents/download-response";
import { handleRoute } from "@/lib/http/json-error";

// GET /api/documents/<versionId>: the file, if its project is in the reader's scope.
export async function GET(_request: NextRequest, { params }: { params: Promise<{ versionId: string }> }) {
  await connection();
  return handleRoute("GET /api/documents/[versionId]", async () => downloadResponse({ viewer: await assertReader(), versionId: (await params).versionId }));
}
