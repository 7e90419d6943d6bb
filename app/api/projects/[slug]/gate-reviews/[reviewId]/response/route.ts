import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { respondToGateReview } from "@/lib/gates/gate-mutations";

export async function PUT(request: NextRequest, { params }: { params: Promise<{ slug: string; reviewId: string }> }) {
  return handleRoute("PUT /api/projects/[slug]/gate-reviews/[reviewId]/response", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug, reviewId } = await params;
    return mutationResponse(await respondToGateReview({ viewer: await getViewer(), slug, reviewId, input: body.body }));
  });
}
