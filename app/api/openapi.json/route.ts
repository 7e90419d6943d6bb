import { NextResponse } from "next/server";
import { publicUrl } from "@/lib/env";
import { handleRoute } from "@/lib/http/json-error";
import { buildOpenApiDocument } from "@/lib/openapi/document";

/** The OpenAPI description of the JSON API (lib/openapi/), open to anyone: it describes, it reveals no data. */
export async function GET() {
  return handleRoute("GET /api/openapi.json", async () => NextResponse.json(buildOpenApiDocument(publicUrl())));
}
