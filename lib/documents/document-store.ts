import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import type { Viewer } from "../auth/session";
import { db, getDatabase } from "../db/client";
import { maxUploadBytes } from "../env";
import { AppError } from "../errors";
import { untranslated } from "../i18n/message";
import { log } from "../log/logger";
import { findWritableProject } from "../projects/project-access";
import { projectReadScope } from "../projects/project-scope";
import { failure, mutate, type MutationResult } from "../server/mutation";
import { uploadSchema } from "./document.validation";
import { checkFileName, contentMatches, SNIFF_BYTES } from "./file-types";

/**
 * Documents live in the database, in ~256 KB chunks, so every app instance
 * sees them and a database backup holds them. An upload is streamed: each
 * chunk is written as it arrives (never the whole file in memory), the
 * sha256 computed on the way. The version is invisible (complete = false)
 * until its last chunk is in and the checksum recorded; a failed upload
 * (too large, empty, wrong type, interrupted) is deleted and leaves nothing.
 */
export const CHUNK_BYTES = 256 * 1024;

export type UploadedVersion = { documentId: string; versionId: string; number: number; size: number; sha256: string; contentType: string; fileName: string };

/** The file field carries a machine-readable reason (API clients and tests branch on it), not a sentence. */
const fileReason = (reason: "tooLarge" | "empty" | "badName" | "typeNotAllowed" | "interrupted") => untranslated(reason);

const tooLarge = (max: number) =>
  new AppError("BAD_REQUEST", { key: "fileTooLarge", params: { mb: Math.floor(max / (1024 * 1024)) } }, { file: fileReason("tooLarge") });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function uploadDocument({
  viewer,
  slug,
  input,
  body,
  declaredSize,
  maxBytes = maxUploadBytes(),
}: {
  viewer: Viewer | null;
  slug: string;
  input: unknown;
  body: ReadableStream<Uint8Array> | null;
  /** Content-Length, when the client sent one: an upload announced as too large is refused before a byte is read */
  declaredSize?: number | null;
  maxBytes?: number;
}): Promise<MutationResult<UploadedVersion>> {
  // 1. Who may attach what where, and a pending version: one short transaction.
  const pending = await mutate({
    name: "uploadDocument",
    schema: uploadSchema,
    input,
    viewer,
    permission: "document:upload",
    run: async ({ tx, viewer, grant, input }) => {
      const name = checkFileName(input.fileName);
      if (!name.ok)
        throw new AppError("BAD_REQUEST", name.reason === "name" ? "fileNamePlain" : "fileTypeNotAllowed", {
          file: fileReason(name.reason === "name" ? "badName" : "typeNotAllowed"),
        });
      if (declaredSize != null && declaredSize > maxBytes) throw tooLarge(maxBytes);
      if (declaredSize === 0) throw new AppError("BAD_REQUEST", "fileEmpty", { file: fileReason("empty") });
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      let documentId = input.documentId;
      let number = 1;
      let isNew = false;
      if (documentId) {
        const doc = await tx.document.findFirst({
          where: { id: documentId, projectId: p.id },
          select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
        });
        if (!doc) throw new AppError("NOT_FOUND", "noSuchDocument");
        number = (doc.versions[0]?.number ?? 0) + 1;
      } else {
        if (input.riskId && !(await tx.risk.count({ where: { id: input.riskId, projectId: p.id } }))) throw new AppError("NOT_FOUND", "noSuchRisk");
        if (input.milestoneId && !(await tx.milestone.count({ where: { id: input.milestoneId, projectId: p.id } })))
          throw new AppError("NOT_FOUND", "noSuchMilestone");
        if (input.deliverableId) {
          const d = await tx.gateDeliverable.findFirst({
            where: { id: input.deliverableId, review: { projectId: p.id } },
            select: { review: { select: { decidedAt: true } } },
          });
          if (!d) throw new AppError("NOT_FOUND", "noSuchDeliverable");
          if (d.review.decidedAt) throw new AppError("CONFLICT", "evidenceFinal");
        }
        const doc = await tx.document.create({
          data: {
            projectId: p.id,
            riskId: input.riskId ?? null,
            milestoneId: input.milestoneId ?? null,
            deliverableId: input.deliverableId ?? null,
            title: input.title || input.fileName,
          },
        });
        documentId = doc.id;
        isNew = true;
      }
      const version = await tx.documentVersion.create({
        data: { documentId, number, fileName: input.fileName, contentType: name.type, uploadedById: viewer.id, uploadedByName: viewer.name },
      });
      return {
        projectId: p.id,
        documentId,
        versionId: version.id,
        number,
        isNew,
        extension: name.extension,
        contentType: name.type,
        fileName: input.fileName,
        title: input.title,
        viewer,
      };
    },
  });
  if (!pending.ok) {
    await body?.cancel().catch(() => undefined);
    return pending;
  }
  const job = pending.data;
  const database = await getDatabase();
  const prisma = database.prisma;

  // 2. The bytes, chunk by chunk, outside any transaction (a long transaction would stall the embedded database).
  let size = 0;
  const hash = createHash("sha256");
  try {
    if (!body) throw new AppError("BAD_REQUEST", "fileEmpty", { file: fileReason("empty") });
    const reader = body.getReader();
    let buffer = new Uint8Array(CHUNK_BYTES);
    let filled = 0;
    let seq = 0;
    let sniffed = false;
    const flush = async () => {
      if (!filled) return;
      // A view, not a copy: a full buffer is replaced after its flush, and the last flush is the last use.
      const data = buffer.subarray(0, filled);
      if (!sniffed) {
        if (!contentMatches(job.extension, data.subarray(0, SNIFF_BYTES)))
          throw new AppError("BAD_REQUEST", "fileContentMismatchAttach", { file: fileReason("typeNotAllowed") });
        sniffed = true;
      }
      // On the driver, past the ORM: Prisma's copies of each chunk cost ~6x the file in resident memory (Database.execute).
      await database.execute(`INSERT INTO "DocumentChunk" ("versionId", "seq", "data") VALUES ($1::uuid, $2, $3)`, [job.versionId, seq++, data]);
      filled = 0;
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      hash.update(value);
      let offset = 0;
      while (offset < value.byteLength) {
        const n = Math.min(CHUNK_BYTES - filled, value.byteLength - offset);
        buffer.set(value.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === CHUNK_BYTES) {
          await flush();
          buffer = new Uint8Array(CHUNK_BYTES);
        }
      }
    }
    if (size === 0) throw new AppError("BAD_REQUEST", "fileEmpty", { file: fileReason("empty") });
    // Fewer bytes than announced: the body was cut short (a client gone, or a proxy's body limit): store nothing.
    if (declaredSize != null && size !== declaredSize) throw new Error(`upload body ended after ${size} of ${declaredSize} bytes`);
    // A file shorter than a signature cannot be sniffed: refuse it.
    if (!sniffed && filled < SNIFF_BYTES && !contentMatches(job.extension, buffer.subarray(0, filled)))
      throw new AppError("BAD_REQUEST", "fileContentMismatch", { file: fileReason("typeNotAllowed") });
    await flush();
  } catch (err) {
    await discard(job);
    if (err instanceof AppError) return failure(err.code, err.userMessage, { fields: err.fields });
    log().warn({ err, versionId: job.versionId }, "document upload interrupted");
    return failure("BAD_REQUEST", "uploadInterrupted", { fields: { file: fileReason("interrupted") } });
  }

  // 3. Complete: checksum, size, audit, in one transaction.
  const sha256 = hash.digest("hex");
  try {
    await prisma.$transaction(async (tx) => {
      await tx.documentVersion.update({ where: { id: job.versionId }, data: { complete: true, size: BigInt(size), sha256 } });
      await recordAudit(tx, job.viewer, {
        action: job.isNew ? "document.upload" : "document.version.upload",
        entityType: "document",
        entityId: job.documentId,
        after: { versionId: job.versionId, number: job.number, fileName: job.fileName, contentType: job.contentType, size, sha256, projectId: job.projectId },
      });
    });
  } catch (err) {
    await discard(job);
    throw err;
  }
  return {
    ok: true,
    data: { documentId: job.documentId, versionId: job.versionId, number: job.number, size, sha256, contentType: job.contentType, fileName: job.fileName },
  };
}

async function discard(job: { documentId: string; versionId: string; isNew: boolean }) {
  const prisma = await db();
  try {
    await prisma.documentVersion.delete({ where: { id: job.versionId } }); // its chunks go with it (cascade)
    if (job.isNew) await prisma.document.delete({ where: { id: job.documentId } });
  } catch (err) {
    log().error({ err, versionId: job.versionId }, "could not discard a failed upload");
  }
}

export type DownloadHead = { fileName: string; contentType: string; size: number; sha256: string };

/**
 * A complete version of a document the viewer may read (the project's read
 * scope is in the where), or null: a document outside the scope does not exist.
 */
export async function findReadableVersion({ viewer, versionId }: { viewer: Viewer | null; versionId: string }): Promise<DownloadHead | null> {
  if (!UUID.test(versionId)) return null;
  const prisma = await db();
  const v = await prisma.documentVersion.findFirst({
    where: { id: versionId, complete: true, document: { project: projectReadScope(viewer) } },
    select: { fileName: true, contentType: true, size: true, sha256: true },
  });
  return v ? { fileName: v.fileName, contentType: v.contentType, size: Number(v.size), sha256: v.sha256 ?? "" } : null;
}

/** The version's bytes as a stream, one chunk read per pull (call findReadableVersion first). */
export function streamVersion(versionId: string): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const prisma = await db();
      const chunk = await prisma.documentChunk.findUnique({ where: { versionId_seq: { versionId, seq } }, select: { data: true } });
      if (!chunk) return controller.close();
      seq += 1;
      controller.enqueue(new Uint8Array(chunk.data));
    },
  });
}
