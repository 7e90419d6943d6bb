/** Test bodies for uploads: bytes as a stream in pieces, or a stream that fails part-way (an interrupted upload). */
export const PDF_HEAD = new TextEncoder().encode("%PDF-1.7\n");

export function streamOf(bytes: Uint8Array, piece = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(c) {
      if (offset >= bytes.byteLength) return c.close();
      c.enqueue(bytes.slice(offset, offset + piece));
      offset += piece;
    },
  });
}

export function failingStream(bytes: Uint8Array, failAfter: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= failAfter) return c.error(new Error("connection reset"));
      c.enqueue(bytes.slice(sent, sent + 64 * 1024));
      sent += 64 * 1024;
    },
  });
}

export function pdfOf(size: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + 7) & 0xff;
  b.set(PDF_HEAD.subarray(0, Math.min(size, PDF_HEAD.length)));
  return b;
}
