/**
 * Reads a request body into memory up to `maxBytes`: past it the stream is
 * cancelled at once (a declared Content-Length over the limit is refused before
 * reading), so an oversized upload costs the limit, never the whole file.
 */
export async function readBodyCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredSize: number | null,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  if (declaredSize !== null && declaredSize > maxBytes) {
    await body?.cancel().catch(() => undefined);
    return { ok: false };
  }
  if (!body) return { ok: true, bytes: new Uint8Array() };
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.byteLength;
  }
  return { ok: true, bytes };
}
