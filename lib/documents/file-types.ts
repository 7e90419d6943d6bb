/**
 * The files a user may attach: PDF, images and Office documents. A file is
 * accepted only when its extension is allowed AND its first bytes are that
 * kind of file; the stored type comes from this table, never from the client,
 * so nothing uploaded is served as HTML, SVG or script.
 */
type Signature = "pdf" | "png" | "jpeg" | "gif" | "webp" | "zip" | "ole";

const TYPES: Record<string, { type: string; signature: Signature }> = {
  pdf: { type: "application/pdf", signature: "pdf" },
  png: { type: "image/png", signature: "png" },
  jpg: { type: "image/jpeg", signature: "jpeg" },
  jpeg: { type: "image/jpeg", signature: "jpeg" },
  gif: { type: "image/gif", signature: "gif" },
  webp: { type: "image/webp", signature: "webp" },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", signature: "zip" },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", signature: "zip" },
  pptx: { type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", signature: "zip" },
  doc: { type: "application/msword", signature: "ole" },
  xls: { type: "application/vnd.ms-excel", signature: "ole" },
  ppt: { type: "application/vnd.ms-powerpoint", signature: "ole" },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);
/** Bytes needed to recognise every signature. */
export const SNIFF_BYTES = 12;

const starts = (b: Uint8Array, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function matches(signature: Signature, b: Uint8Array): boolean {
  switch (signature) {
    case "pdf":
      return starts(b, ascii("%PDF-"));
    case "png":
      return starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpeg":
      return starts(b, [0xff, 0xd8, 0xff]);
    case "gif":
      return starts(b, ascii("GIF87a")) || starts(b, ascii("GIF89a"));
    case "webp":
      return starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8);
    case "zip":
      return starts(b, [0x50, 0x4b, 0x03, 0x04]);
    case "ole":
      return starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  }
}

export type NameCheck = { ok: true; extension: string; type: string } | { ok: false; reason: "name" | "type" };

/** A plain file name (no folders, no control characters) with an allowed extension. */
export function checkFileName(name: string): NameCheck {
  if (!name || name.length > 255 || /[/\\\u0000-\u001f\u007f]/.test(name) || name === "." || name === ".." || name.startsWith(".") || name.includes(":"))
    return { ok: false, reason: "name" };
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const t = TYPES[extension];
  if (!t) return { ok: false, reason: "type" };
  return { ok: true, extension, type: t.type };
}

/** Do the file's first bytes match what its extension says it is? */
export function contentMatches(extension: string, head: Uint8Array): boolean {
  const t = TYPES[extension];
  return !!t && matches(t.signature, head);
}
