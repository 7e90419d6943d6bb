import { connection, NextResponse, type NextRequest } from "next/server";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { getProject } from "@/lib/projects/get-project";

export async function GET(_request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  return handleRoute("GET /api/projects/[slug]", async () => {
    const { slug } = await params;
    const project = await getProject({ slug });
    if (!project) return jsonError("NOT_FOUND", `No project with slug "${slug}".`);
    return NextResponse.json(project);
  });
}
