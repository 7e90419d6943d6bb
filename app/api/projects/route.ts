import { connection, NextResponse, type NextRequest } from "next/server";
import { assertReader } from "@/lib/auth/session";
import { handleRoute, jsonError } from "@/lib/http/json-error";
import { parseListParamsStrict } from "@/lib/projects/list-params";
import { listProjects } from "@/lib/projects/list-projects";
import { readScopeOf } from "@/lib/projects/project-scope";

export async function GET(request: NextRequest) {
  await connection();
  return handleRoute("GET /api/projects", async () => {
    const viewer = await assertReader();
    const parsed = parseListParamsStrict(request.nextUrl.searchParams);
    if (!parsed.ok) return jsonError("BAD_REQUEST", parsed.message, parsed.fields);
    return NextResponse.json(await listProjects(parsed.params, { scope: readScopeOf(viewer), managerId: viewer?.id ?? null }));
  });
}
