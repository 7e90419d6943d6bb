import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { updateGateReview } from "@/lib/gates/gate-mutations";

export async function PATCH(request: NextRequest, { params }: { params: Promise<{ slug: string; reviewId: string }> }) {
  return handleRoute("PATCH /api/projects/[slug]/gate-reviews/[reviewId]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug, reviewId } = await params;
    return mutationResponse(await updateGateReview({ viewer: await getViewer(), slug, reviewId, input: body.body }));
  });
}
