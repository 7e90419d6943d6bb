import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { setDefaultView } from "@/lib/views/views";

/** PUT { viewId: uuid | null }: the view /projects opens with. */
export async function PUT(request: NextRequest) {
  return handleRoute("PUT /api/views/default", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await setDefaultView({ viewer: await getViewer(), input: body.body }));
  });
}
