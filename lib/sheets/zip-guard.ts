import { inflateRawSync } from "node:zlib";

/**
 * An XLSX is a zip: a 1 MB upload can inflate to gigabytes of sheet XML, which
 * exceljs would hold in memory whole. Before exceljs sees the file, every entry
 * is inflated here with an output cap, so a bomb costs at most the cap and an
 * entry whose header understates its size (a lying header) is caught too.
 * Only what XLSX files use is accepted: stored or deflated entries, no zip64.
 */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

export type ZipCheck = { ok: true } | { ok: false; reason: "notZip" | "tooLarge" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function checkZip(bytes: Uint8Array, maxInflated = MAX_INFLATED_BYTES): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1)
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return { ok: false, reason: "notZip" };
  const entries = u16(eocd + 10);
  let at = u32(eocd + 16);
  if (entries === 0xffff || at === 0xffffffff) return { ok: false, reason: "notZip" };
  let total = 0;
  try {
    for (let n = 0; n < entries; n += 1) {
      if (at + 46 > bytes.length || u32(at) !== CENTRAL) return { ok: false, reason: "notZip" };
      const method = u16(at + 10);
      const compressed = u32(at + 20);
      const declared = u32(at + 24);
      const local = u32(at + 42);
      at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
      total += declared;
      if (total > maxInflated) return { ok: false, reason: "tooLarge" };
      if (local + 30 > bytes.length || u32(local) !== LOCAL) return { ok: false, reason: "notZip" };
      const start = local + 30 + u16(local + 26) + u16(local + 28);
      if (start + compressed > bytes.length) return { ok: false, reason: "notZip" };
      const data = bytes.subarray(start, start + compressed);
      if (method === 0) {
        if (compressed !== declared) return { ok: false, reason: "notZip" };
      } else if (method === 8) {
        // One byte over the declared size is enough to know the header lied.
        const out = inflateRawSync(data, { maxOutputLength: Math.min(declared, maxInflated - (total - declared)) + 1 });
        if (out.length !== declared) return { ok: false, reason: out.length > declared ? "tooLarge" : "notZip" };
      } else return { ok: false, reason: "notZip" };
    }
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return { ok: false, reason: "tooLarge" };
    return { ok: false, reason: "notZip" };
  }
  return { ok: true };
}
