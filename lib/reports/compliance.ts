import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { readScopeOf, scopeSql } from "../projects/project-scope";
import { dueDate } from "./periods";
import { subsidiaryOf } from "./read-pack";
import { loadRuleBook } from "./reporting-rules";

export interface ComplianceRow {
  /** the subsidiary's code; null: projects the group owns itself */
  code: string | null;
  nameEn: string;
  nameZh: string | null;
  total: number;
  /** published */
  reported: number;
  /** submitted, awaiting the PMO */
  submitted: number;
  /** neither, before their unit's due date */
  due: number;
  /** neither, after their unit's due date */
  overdue: number;
}

export interface Compliance {
  periodId: string;
  /** the group rule's due date (a unit with its own rule may differ) */
  dueOn: string;
  rows: ComplianceRow[];
  totals: Omit<ComplianceRow, "code" | "nameEn" | "nameZh">;
}

/**
 * Reported / awaiting review / due / overdue per subsidiary for a period, in
 * the reader's scope. One grouped query (projects by owning unit, joined to
 * their period's reports aggregated once); due or overdue is decided per unit
 * with its own due-date rule, then folded into the subsidiary.
 */
export async function getReportingCompliance({
  viewer,
  periodId,
  today = new Date(),
}: {
  viewer: Viewer | null;
  periodId: string;
  today?: Date;
}): Promise<Compliance> {
  const prisma = await db();
  const [byUnit, book, subsidiaries] = await Promise.all([
    prisma.$queryRaw<{ path: string; total: number; reported: number; submitted: number }[]>`
      SELECT u."path", count(*)::int AS total,
        count(*) FILTER (WHERE r."published")::int AS reported,
        count(*) FILTER (WHERE r."submitted" AND NOT r."published")::int AS submitted
      FROM "Project" p
      JOIN "OrgUnit" u ON u."id" = p."orgUnitId"
      LEFT JOIN (
        SELECT "projectId", bool_or("state" = 'PUBLISHED') AS "published", bool_or("state" = 'SUBMITTED') AS "submitted"
        FROM "StatusReport" WHERE "periodId" = ${periodId} AND "state" IN ('PUBLISHED', 'SUBMITTED')
        GROUP BY "projectId"
      ) r ON r."projectId" = p."id"
      WHERE ${scopeSql(readScopeOf(viewer))}
      GROUP BY u."path"`,
    loadRuleBook(prisma),
    prisma.orgUnit.findMany({
      where: { OR: [{ parentId: null }, { parent: { parentId: null } }] },
      select: { code: true, nameEn: true, nameZh: true, parentId: true },
    }),
  ]);
  const rows = new Map<string, ComplianceRow>();
  const root = subsidiaries.find((s) => s.parentId === null);
  for (const u of byUnit) {
    const code = subsidiaryOf(u.path);
    const key = code ?? "";
    let row = rows.get(key);
    if (!row) {
      const unit = code ? subsidiaries.find((s) => s.code === code) : root;
      rows.set(
        key,
        (row = { code, nameEn: unit?.nameEn ?? code ?? "", nameZh: unit?.nameZh ?? null, total: 0, reported: 0, submitted: 0, due: 0, overdue: 0 }),
      );
    }
    const open = u.total - u.reported - u.submitted;
    const late = today.getTime() > dueDate(periodId, book.forPath(u.path)).getTime();
    row.total += u.total;
    row.reported += u.reported;
    row.submitted += u.submitted;
    if (late) row.overdue += open;
    else row.due += open;
  }
  const list = [...rows.values()].sort((a, b) => (a.code === null ? -1 : b.code === null ? 1 : a.nameEn.localeCompare(b.nameEn)));
  const totals = list.reduce(
    (s, r) => ({
      total: s.total + r.total,
      reported: s.reported + r.reported,
      submitted: s.submitted + r.submitted,
      due: s.due + r.due,
      overdue: s.overdue + r.overdue,
    }),
    {
      total: 0,
      reported: 0,
      submitted: 0,
      due: 0,
      overdue: 0,
    },
  );
  return { periodId, dueOn: dueDate(periodId, book.group).toISOString().slice(0, 10), rows: list, totals };
}
