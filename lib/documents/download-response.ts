import "server-only";
import type { Viewer } from "../auth/session";
import { jsonError } from "../http/json-error";
import { findReadableVersion, streamVersion } from "./document-store";

/**
 * A document's bytes as a download: always an attachment, with the type
 * stored at upload (from the allow-list, never the client's), no sniffing,
 * and a sandboxing CSP, so a file can never run in the app's origin.
 */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

export async function downloadResponse({ viewer, versionId }: { viewer: Viewer | null; versionId: string }): Promise<Response> {
  const head = await findReadableVersion({ viewer, versionId });
  if (!head) return jsonError("NOT_FOUND", "No such document.");
  const ascii = head.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(streamVersion(versionId), {
    headers: {
      "Content-Type": head.contentType,
      "Content-Length": String(head.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(head.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": DOWNLOAD_CSP,
      "Cache-Control": "private, no-store",
      ETag: `"${head.sha256}"`,
      "X-Checksum-SHA256": head.sha256,
    },
  });
}
