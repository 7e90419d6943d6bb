import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { ensureRiskAndGateReferenceData } from "../risks/ensure-reference-data";
import { createRisk } from "../risks/risk-mutations";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { failingStream, pdfOf, streamOf } from "../test/upload";
import { assignManager, createViewer } from "../test/viewers";
import { CHUNK_BYTES, findReadableVersion, streamVersion, uploadDocument } from "./document-store";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

describe.each(testBackends())("documents on %s", (backend) => {
  const database = withTestDatabase(backend);
  let manager: Viewer;
  let other: Viewer;
  let reader: Viewer;
  let mccReader: Viewer;

  beforeAll(async () => {
    const prisma = database().prisma;
    await ensureRiskAndGateReferenceData(prisma);
    await loadPortfolio(prisma, { projects: [buildProject({ slug: "dp", orgUnit: "MMG" }), buildProject({ slug: "dq", orgUnit: "MCC" })] });
    manager = await createViewer(prisma, "manager", "Mei Manager");
    other = await createViewer(prisma, "manager", "Other Manager");
    reader = await createViewer(prisma, "staff", "Sam Staff");
    mccReader = await createViewer(prisma, "staff", "MCC staff", "MCC");
    await assignManager(prisma, manager, "dp");
  });

  const counts = async () => {
    const prisma = database().prisma;
    return [await prisma.document.count(), await prisma.documentVersion.count(), await prisma.documentChunk.count()];
  };

  it("streams a file in and out in chunks with its sha256; a new version keeps the old one", async () => {
    const prisma = database().prisma;
    const bytes = pdfOf(CHUNK_BYTES * 2 + 12345);
    const up = await uploadDocument({
      viewer: manager,
      slug: "dp",
      input: { fileName: "Feasibility study 可研.pdf", title: "Feasibility study" },
      body: streamOf(bytes, 50_000),
    });
    expect(up).toMatchObject({
      ok: true,
      data: { number: 1, size: bytes.byteLength, contentType: "application/pdf", sha256: createHash("sha256").update(bytes).digest("hex") },
    });
    if (!up.ok) return;
    expect(await prisma.documentChunk.count({ where: { versionId: up.data.versionId } })).toBe(3);
    const head = await findReadableVersion({ viewer: reader, versionId: up.data.versionId });
    expect(head).toEqual({ fileName: "Feasibility study 可研.pdf", contentType: "application/pdf", size: bytes.byteLength, sha256: up.data.sha256 });
    expect((await readAll(streamVersion(up.data.versionId))).equals(Buffer.from(bytes))).toBe(true);

    const v2bytes = pdfOf(5000);
    const v2 = await uploadDocument({ viewer: manager, slug: "dp", input: { fileName: "fs-v2.pdf", documentId: up.data.documentId }, body: streamOf(v2bytes) });
    expect(v2).toMatchObject({ ok: true, data: { documentId: up.data.documentId, number: 2 } });
    expect((await readAll(streamVersion(up.data.versionId))).byteLength).toBe(bytes.byteLength);
    expect(await prisma.auditEntry.count({ where: { entityType: "document", entityId: up.data.documentId } })).toBe(2);
  });

  it("attaches to a risk of the project only", async () => {
    const risk = await createRisk({ viewer: manager, slug: "dp", input: { titleEn: "Risk with evidence", category: "SAFETY" } });
    if (!risk.ok) throw new Error("setup");
    expect(
      await uploadDocument({
        viewer: manager,
        slug: "dp",
        input: { fileName: "r.png", riskId: risk.data.id },
        body: streamOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5])),
      }),
    ).toMatchObject({
      ok: true,
      data: { contentType: "image/png" },
    });
    expect(await uploadDocument({ viewer: other, slug: "dq", input: { fileName: "r.pdf", riskId: risk.data.id }, body: streamOf(pdfOf(100)) })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });

  it("stores nothing from a bad upload, with a clear error for each", async () => {
    const before = await counts();
    const cases: [string, Parameters<typeof uploadDocument>[0], string][] = [
      [
        "too large (announced)",
        { viewer: manager, slug: "dp", input: { fileName: "big.pdf" }, body: streamOf(pdfOf(10)), declaredSize: 26 * 1024 * 1024 },
        "tooLarge",
      ],
      [
        "too large (streamed)",
        { viewer: manager, slug: "dp", input: { fileName: "big.pdf" }, body: streamOf(pdfOf(CHUNK_BYTES * 3)), maxBytes: CHUNK_BYTES * 2 },
        "tooLarge",
      ],
      ["empty", { viewer: manager, slug: "dp", input: { fileName: "empty.pdf" }, body: streamOf(new Uint8Array(0)) }, "empty"],
      ["no body", { viewer: manager, slug: "dp", input: { fileName: "empty.pdf" }, body: null }, "empty"],
      [
        "html",
        { viewer: manager, slug: "dp", input: { fileName: "x.html" }, body: streamOf(new TextEncoder().encode("<script>alert(1)</script>")) },
        "typeNotAllowed",
      ],
      [
        "svg",
        { viewer: manager, slug: "dp", input: { fileName: "x.svg" }, body: streamOf(new TextEncoder().encode("<svg onload=alert(1)>")) },
        "typeNotAllowed",
      ],
      [
        "html named pdf",
        { viewer: manager, slug: "dp", input: { fileName: "x.pdf" }, body: streamOf(new TextEncoder().encode("<html><script>alert(1)</script></html>")) },
        "typeNotAllowed",
      ],
      ["no extension", { viewer: manager, slug: "dp", input: { fileName: "README" }, body: streamOf(pdfOf(100)) }, "typeNotAllowed"],
      ["path", { viewer: manager, slug: "dp", input: { fileName: "../../etc/passwd.pdf" }, body: streamOf(pdfOf(100)) }, "badName"],
      ["windows path", { viewer: manager, slug: "dp", input: { fileName: "C:\\temp\\a.pdf" }, body: streamOf(pdfOf(100)) }, "badName"],
      ["folder", { viewer: manager, slug: "dp", input: { fileName: "docs/a.pdf" }, body: streamOf(pdfOf(100)) }, "badName"],
      ["control character", { viewer: manager, slug: "dp", input: { fileName: "a\u0000.pdf" }, body: streamOf(pdfOf(100)) }, "badName"],
      [
        "interrupted",
        { viewer: manager, slug: "dp", input: { fileName: "cut.pdf" }, body: failingStream(pdfOf(CHUNK_BYTES * 3), CHUNK_BYTES + 64 * 1024) },
        "interrupted",
      ],
    ];
    for (const [label, args, reason] of cases) {
      const r = await uploadDocument(args);
      expect(r, label).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", fields: { file: { key: reason } } } });
      expect(await counts(), label).toEqual(before);
    }
    expect(await uploadDocument({ viewer: reader, slug: "dp", input: { fileName: "a.pdf" }, body: streamOf(pdfOf(100)) })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await uploadDocument({ viewer: null, slug: "dp", input: { fileName: "a.pdf" }, body: streamOf(pdfOf(100)) })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHENTICATED" },
    });
    expect(await counts()).toEqual(before);
  });

  it("serves a document only inside the reader's project scope (the hook the organization tree narrows)", async () => {
    const up = await uploadDocument({ viewer: manager, slug: "dp", input: { fileName: "scoped.pdf" }, body: streamOf(pdfOf(1000)) });
    if (!up.ok) throw new Error("setup");
    expect(await findReadableVersion({ viewer: reader, versionId: up.data.versionId })).not.toBeNull();
    // A reader of another subsidiary (MCC): the scope excludes the MMG project, so the document does not exist for them.
    expect(await findReadableVersion({ viewer: mccReader, versionId: up.data.versionId })).toBeNull();
    expect(await findReadableVersion({ viewer: manager, versionId: up.data.versionId })).not.toBeNull();
    expect(await findReadableVersion({ viewer: reader, versionId: "not-a-uuid" })).toBeNull();
    expect(await findReadableVersion({ viewer: reader, versionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
