import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { assessRisk } from "@/lib/risks/risk-mutations";

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string; riskId: string }> }) {
  return handleRoute("POST /api/projects/[slug]/risks/[riskId]/assessments", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug, riskId } = await params;
    return mutationResponse(await assessRisk({ viewer: await getViewer(), slug, riskId, input: body.body }), 201);
  });
}
