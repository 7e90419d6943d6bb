import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { adminAction } from "@/lib/org/admin-api";

type Context = { params: Promise<{ action: string }> };

export async function POST(request: NextRequest, { params }: Context) {
  return handleRoute("POST /api/admin/[action]", async () => {
    const action = adminAction((await params).action);
    if (!action) return jsonError("NOT_FOUND", "No such admin action.");
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await action({ viewer: await getViewer(), input: body.body }));
  });
}
