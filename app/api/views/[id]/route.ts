import { connection, NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { deleteView, getView, updateView } from "@/lib/views/views";

type Context = { params: Promise<{ id: string }> };

export async function GET(_request: NextRequest, { params }: Context) {
  await connection();
  return handleRoute("GET /api/views/[id]", async () => {
    const viewer = await getViewer();
    if (!viewer) return jsonError("UNAUTHENTICATED", "Sign in to open saved views.");
    const view = await getView({ viewer, id: (await params).id });
    return view ? NextResponse.json(view) : jsonError("NOT_FOUND", "No such view.");
  });
}

export async function PATCH(request: NextRequest, { params }: Context) {
  return handleRoute("PATCH /api/views/[id]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await updateView({ viewer: await getViewer(), id: (await params).id, input: body.body }));
  });
}

export async function DELETE(request: NextRequest, { params }: Context) {
  return handleRoute("DELETE /api/views/[id]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    return mutationResponse(await deleteView({ viewer: await getViewer(), id: (await params).id }));
  });
}
