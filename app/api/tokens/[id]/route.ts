import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse } from "@/lib/http/mutation-response";
import { revokeApiToken } from "@/lib/tokens/token-mutations";

/** Revokes a token (it stops working at once; the row stays, with its last use). */
export async function DELETE(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute("DELETE /api/tokens/[id]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    return mutationResponse(await revokeApiToken({ viewer: await getViewer(), input: { id: (await params).id } }));
  });
}
