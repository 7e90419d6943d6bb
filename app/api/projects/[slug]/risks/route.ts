import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { createRisk } from "@/lib/risks/risk-mutations";

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute("POST /api/projects/[slug]/risks", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug } = await params;
    return mutationResponse(await createRisk({ viewer: await getViewer(), slug, input: body.body }), 201);
  });
}
