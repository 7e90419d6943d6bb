import { connection, NextResponse, type NextRequest } from "next/server";
import { assertReader, getViewer } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { checkOrigin, mutationResponse, readJson } from "@/lib/http/mutation-response";
import { getProject } from "@/lib/projects/get-project";
import { updateProjectStatus } from "@/lib/projects/update-project";

type Context = { params: Promise<{ slug: string }> };

export async function GET(_request: NextRequest, { params }: Context) {
  await connection();
  return handleRoute("GET /api/projects/[slug]", async () => {
    const viewer = await assertReader();
    const { slug } = await params;
    const project = await getProject({ slug, viewer });
    if (!project) return jsonError("NOT_FOUND", `No project with slug "${slug}".`);
    return NextResponse.json(project);
  });
}

export async function PATCH(request: NextRequest, { params }: Context) {
  return handleRoute("PATCH /api/projects/[slug]", async () => {
    const refused = checkOrigin(request);
    if (refused) return refused;
    const body = await readJson(request);
    if (!body.ok) return body.response;
    const { slug } = await params;
    return mutationResponse(await updateProjectStatus({ viewer: await getViewer(), slug, input: body.body }));
  });
}
