import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { updateMilestone } from "@/lib/milestones/milestone-mutations";

export async function PATCH(request: NextRequest, { params }: { params: Promise<{ slug: string; milestoneId: string }> }) {
  return handleRoute("PATCH /api/projects/[slug]/milestones/[milestoneId]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug, milestoneId } = await params;
    return mutationResponse(await updateMilestone({ viewer: await getViewer(), slug, milestoneId, input: body.body }));
  });
}
