import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { savePreferences } from "@/lib/views/views";

/** PUT { columns?, columnWidths?, density? }: the signed-in user's table settings. */
export async function PUT(request: NextRequest) {
  return handleRoute("PUT /api/views/preferences", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    return mutationResponse(await savePreferences({ viewer: await getViewer(), input: body.body }));
  });
}
