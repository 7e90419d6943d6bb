import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { updateGateCondition } from "@/lib/gates/gate-mutations";

export async function PATCH(request: NextRequest, { params }: { params: Promise<{ slug: string; conditionId: string }> }) {
  return handleRoute("PATCH /api/projects/[slug]/gate-conditions/[conditionId]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug, conditionId } = await params;
    return mutationResponse(await updateGateCondition({ viewer: await getViewer(), slug, conditionId, input: body.body }));
  });
}
