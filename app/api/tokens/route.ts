import { connection, NextResponse, type NextRequest } from "next/server";
import { assertReader, getViewer } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { listApiTokens } from "@/lib/tokens/list-tokens";
import { createApiToken } from "@/lib/tokens/token-mutations";

/** The caller's personal tokens, or (?kind=service, admins) the service tokens: never a token or its hash. */
export async function GET(request: NextRequest) {
  await connection();
  return handleRoute("GET /api/tokens", async () => {
    const viewer = await assertReader();
    if (!viewer) return jsonError("UNAUTHENTICATED", "Sign in to list your API tokens.");
    const kind = request.nextUrl.searchParams.get("kind") ?? "personal";
    if (kind !== "personal" && kind !== "service") return jsonError("BAD_REQUEST", 'kind is "personal" or "service".', { kind: "Unknown kind." });
    return NextResponse.json({ rows: await listApiTokens({ viewer, kind }) });
  });
}

/** Creates a token; the answer carries it once (`secret`). */
export async function POST(request: NextRequest) {
  return handleRoute("POST /api/tokens", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await createApiToken({ viewer: await getViewer(), input: body.body }), 201);
  });
}
