import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { updateRiskAction } from "@/lib/risks/risk-mutations";

export async function PATCH(request: NextRequest, { params }: { params: Promise<{ slug: string; riskId: string; actionId: string }> }) {
  return handleRoute("PATCH /api/projects/[slug]/risks/[riskId]/actions/[actionId]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug, riskId, actionId } = await params;
    return mutationResponse(await updateRiskAction({ viewer: await getViewer(), slug, riskId, actionId, input: body.body }));
  });
}
