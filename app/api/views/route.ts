import { connection, NextResponse, type NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { createView, listViews } from "@/lib/views/views";

/** The signed-in user's views and everyone's shared ones. */
export async function GET() {
  await connection();
  return handleRoute("GET /api/views", async () => {
    const viewer = await getViewer();
    if (!viewer) return jsonError("UNAUTHENTICATED", "Sign in to see saved views.");
    return NextResponse.json({ views: await listViews({ viewer }) });
  });
}

export async function POST(request: NextRequest) {
  return handleRoute("POST /api/views", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await createView({ viewer: await getViewer(), input: body.body }), 201);
  });
}
