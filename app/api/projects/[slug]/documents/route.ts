import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { uploadDocument } from "@/lib/documents/document-store";
import { handleRoute } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse } from "@/lib/http/mutation-response";
import { withApiHeaders } from "@/lib/http/proxy-response";

// POST /api/projects/<slug>/documents?fileName=…[&riskId|milestoneId|deliverableId|documentId=…]; the body is the file's bytes.
// proxy.ts leaves this route out (its body would be buffered and cut at 10 MB), so the route sets the API headers itself.
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return withApiHeaders(request, await upload(request, params), env());
}

async function upload(request: NextRequest, params: Promise<{ slug: string }>) {
  return handleRoute("POST /api/projects/[slug]/documents", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const { slug } = await params;
    const length = request.headers.get("content-length");
    return mutationResponse(
      await uploadDocument({
        viewer: await getViewer(),
        slug,
        input: Object.fromEntries(request.nextUrl.searchParams),
        body: request.body,
        declaredSize: length === null ? null : Number(length),
      }),
      201,
    );
  });
}
