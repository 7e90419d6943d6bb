import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { csvLine, UTF8_BOM } from "../exports/csv";
import type { AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

export interface AuditRow {
  id: string;
  at: string;
  actorName: string;
  actorId: string | null;
  onBehalfOfId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string;
  after: string;
  reason: string;
}

function where(f: AuditFilters): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.actor) and.push({ actorName: { contains: f.actor, mode: "insensitive" } });
  if (f.from) and.push({ at: { gte: new Date(`${f.from}T00:00:00Z`) } });
  if (f.to) and.push({ at: { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } });
  return and.length ? { AND: and } : {};
}

const json = (v: Prisma.JsonValue | null) => (v === null || v === undefined ? "" : JSON.stringify(v));

function toRow(e: Prisma.AuditEntryGetPayload<object>): AuditRow {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorName: e.actorName,
    actorId: e.actorId,
    onBehalfOfId: e.onBehalfOfId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: json(e.before),
    after: json(e.after),
    reason: e.reason,
  };
}

/** One page of audit entries, newest first, with the total; count and rows in parallel. */
export async function listAuditEntries(filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const prisma = await db();
  const w = where(filters);
  const [total, rows] = await Promise.all([
    prisma.auditEntry.count({ where: w }),
    prisma.auditEntry.findMany({ where: w, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (filters.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { rows: rows.map(toRow), total, page: filters.page, pageSize: AUDIT_PAGE_SIZE };
}

/** Every matching entry as CSV (UTF-8 with BOM), newest first, read in batches (keyset on (at, id)). */
export function exportAuditCsv(filters: AuditFilters, header: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: { at: Date; id: string } | null = null;
  let started = false;
  let finished = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine([...header])));
        return;
      }
      if (finished) return controller.close();
      const prisma = await db();
      const w = where(filters);
      const page: Prisma.AuditEntryGetPayload<object>[] = await prisma.auditEntry.findMany({
        where: cursor ? { AND: [w, { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }] } : w,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: EXPORT_BATCH,
      });
      if (page.length < EXPORT_BATCH) finished = true;
      if (page.length) cursor = { at: page[page.length - 1].at, id: page[page.length - 1].id };
      const rows = page.map(toRow);
      controller.enqueue(
        encoder.encode(
          rows
            .map((r) => csvLine([r.at, r.actorName, r.actorId ?? "", r.onBehalfOfId ?? "", r.action, r.entityType, r.entityId, r.before, r.after, r.reason]))
            .join(""),
        ),
      );
      if (finished) controller.close();
    },
  });
}
