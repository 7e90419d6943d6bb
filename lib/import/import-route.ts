import "server-only";
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { jsonError } from "../http/json-error";
import { checkOrigin, mutationResponse } from "../http/mutation-response";
import { readBodyCapped } from "../http/read-body";
import { importQuerySchema, templateQuerySchema } from "./import.validation";
import { MAX_IMPORT_BYTES, runImport } from "./run-import";
import { importTemplate } from "./template";

/**
 * The import's HTTP edge: query parameters, the size cap on the body (413
 * before the rest is read), then runImport. The caller may import at all is
 * checked before the body is read.
 */

export async function importRequest(request: Request, viewer: Viewer | null): Promise<Response> {
  const refused = checkOrigin(request);
  if (refused) return refused;
  const q = new URL(request.url).searchParams;
  const parsed = importQuerySchema.safeParse({ kind: q.get("kind"), mode: q.get("mode"), fileName: q.get("fileName") ?? "" });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    if (fields.has("kind") || fields.has("mode")) return jsonError("BAD_REQUEST", "Say kind=portfolio|users and mode=check|apply.");
    return jsonError("BAD_REQUEST", "Name the file (fileName=…, at most 200 characters).", { fileName: "Required, at most 200 characters." });
  }
  const { kind, mode, fileName } = parsed.data;
  if (!viewer) return jsonError("UNAUTHENTICATED", "Sign in to make changes.");
  if (!can(viewer, kind === "users" ? "user:manage" : "portfolio:import")) {
    await request.body?.cancel().catch(() => undefined);
    return jsonError("FORBIDDEN", "Your role does not allow this change.");
  }
  const length = request.headers.get("content-length");
  const declared = length === null || !/^\d+$/.test(length) ? null : Number(length);
  const body = await readBodyCapped(request.body, MAX_IMPORT_BYTES, declared);
  if (!body.ok) return jsonError("PAYLOAD_TOO_LARGE", `The file is larger than the limit of ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);
  return mutationResponse(await runImport({ viewer, kind, mode, fileName, bytes: body.bytes }));
}

export async function templateResponse(q: URLSearchParams, viewer: Viewer | null): Promise<Response> {
  const { kind, lang } = templateQuerySchema.parse({ kind: q.get("kind"), lang: q.get("lang") });
  if (!viewer) return jsonError("UNAUTHENTICATED", "Sign in to download the template.");
  if (!can(viewer, kind === "users" ? "user:manage" : "portfolio:import")) return jsonError("FORBIDDEN", "Your role does not allow this.");
  const bytes = await importTemplate(kind, lang);
  const name = `lodestone-${kind}-import-${lang}.xlsx`;
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
