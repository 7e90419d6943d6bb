import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { BusinessLine, Health, ReportState } from "../db/generated/enums";
import { readScopeOf, scopeSql } from "../projects/project-scope";
import { dueDate, packMonths } from "./periods";
import { loadRuleBook } from "./reporting-rules";
import type { Narrative } from "./report.validation";
import type { ReportChange } from "./snapshot/types";

/** A subsidiary: a direct unit of the group's root. */
export interface PackSubsidiary {
  code: string;
  nameEn: string;
  nameZh: string | null;
}

export interface PackReport {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  /** the month the report is for (in a quarter's or year's pack: the project's latest published month) */
  periodId: string;
  /** the owning subsidiary's code; null: a project the group owns itself */
  subsidiary: string | null;
  businessLine: BusinessLine | null;
  health: Health | null;
  progressPercent: number | null;
  reportVersion: number;
  publishedAt: string;
  changes: ReportChange[];
  narrative: Narrative;
}

export interface NotReported {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  subsidiary: string | null;
  businessLine: BusinessLine;
  /** the latest report's state, or "MISSING" */
  state: ReportState | "MISSING";
  /** since when it is in that state (a missing report: since its due date) */
  since: string;
  /** the project's due date (its unit's rule) */
  dueOn: string;
  overdue: boolean;
}

export interface PackGroup {
  /** "<subsidiary code or GROUP>|<business line or UNKNOWN>" */
  key: string;
  subsidiary: PackSubsidiary | null;
  businessLine: BusinessLine | null;
  reports: PackReport[];
}

export interface PackFigure {
  key: string;
  currency: string;
  sum: string;
}

/** One month of a pack's span: how many projects published, and whether the group closed it. */
export interface PackMonth {
  periodId: string;
  published: number;
  closedAt: string | null;
  closedByName: string | null;
}

export interface ReportPack {
  /** a month, a quarter ("2026-Q3") or a year ("2026") */
  periodId: string;
  span: "month" | "quarter" | "year";
  /** each month of the span, oldest first (one for a month's pack) */
  months: PackMonth[];
  /** the due date of the pack's unit (the group's when the whole scope is shown) */
  dueOn: string;
  /** the unit the pack is narrowed to, if any */
  unit: PackSubsidiary | null;
  groups: PackGroup[];
  notReported: NotReported[];
  figures: PackFigure[];
  healthCounts: Partial<Record<Health, number>>;
  published: number;
  inScope: number;
}

/** "/GRP/MMG/BR/" → "MMG"; the root's own path → null. */
export function subsidiaryOf(path: string): string | null {
  return path.split("/")[2] || null;
}

/** How the pack groups its reports: by subsidiary, then business line. */
export function packGroupKey(r: { subsidiary: string | null; businessLine: BusinessLine | null }): string {
  return `${r.subsidiary ?? "GROUP"}|${r.businessLine ?? "UNKNOWN"}`;
}

/**
 * The SQL condition on "StatusReport" r: r is the project's latest published
 * report within the months (the latest month, and in it the highest version:
 * a correction supersedes with a higher one). A quarter's or year's pack is
 * built from these, so its figures are those of each project's last published
 * month in the span (docs/decisions/0074).
 */
export function latestPublishedIn(months: string[]): Prisma.Sql {
  const list = Prisma.join(months);
  return Prisma.sql`r."periodId" IN (${list}) AND r."state" = 'PUBLISHED' AND NOT EXISTS (
    SELECT 1 FROM "StatusReport" z WHERE z."projectId" = r."projectId" AND z."periodId" IN (${list}) AND z."state" = 'PUBLISHED'
      AND (z."periodId", z."reportVersion") > (r."periodId", r."reportVersion"))`;
}

/** The pack's where on "Project" p / "OrgUnit" u: the reader's scope, the business line, the unit's subtree. */
export function packScopeSql(viewer: Viewer | null, businessLine: BusinessLine | undefined, unitPath: string | null | undefined): Prisma.Sql {
  return Prisma.sql`${scopeSql(readScopeOf(viewer))}
    AND ${businessLine ? Prisma.sql`p."businessLine" = ${businessLine}::"BusinessLine"` : Prisma.sql`TRUE`}
    AND ${unitPath === undefined ? Prisma.sql`TRUE` : unitPath ? Prisma.sql`u."path" LIKE ${`${unitPath}%`}` : Prisma.sql`FALSE`}`;
}

/**
 * The report pack of a period for the reader's scope (narrowed to a unit's
 * subtree or a business line if asked): published reports only, so the same
 * pack opened next year shows the same numbers, grouped by subsidiary and
 * business line; the projects that have not reported, with their state,
 * since when and whether overdue under their unit's rule; the portfolio
 * figures summed by the database from the published reports' typed figures.
 */
export async function getReportPack({
  viewer,
  periodId,
  businessLine,
  unit,
  today = new Date(),
  withReports = true,
}: {
  viewer: Viewer | null;
  /** a month "YYYY-MM", a quarter "YYYY-Qn" or a year "YYYY" */
  periodId: string;
  businessLine?: BusinessLine;
  /** a unit's code: only its subtree */
  unit?: string;
  today?: Date;
  /**
   * false: everything but the reports themselves (groups stay empty; the
   * counts and figures are there). The streamed XLSX reads the reports in
   * batches instead of holding them all.
   */
  withReports?: boolean;
}): Promise<ReportPack> {
  const prisma = await db();
  const months = packMonths(periodId);
  const aggregate = months.length > 1;
  const monthList = Prisma.join(months);
  const lastMonth = months[months.length - 1];
  const unitRow = unit ? await prisma.orgUnit.findUnique({ where: { code: unit }, select: { code: true, path: true, nameEn: true, nameZh: true } }) : null;
  // Set-wise SQL on "Project" p joined to its "OrgUnit" u: the reader's scope, the business line, the unit's subtree.
  const where = packScopeSql(viewer, businessLine, unit ? (unitRow?.path ?? null) : undefined);
  const from = Prisma.sql`FROM "StatusReport" r JOIN "Project" p ON p."id" = r."projectId" JOIN "OrgUnit" u ON u."id" = p."orgUnitId"`;
  // A month: every published version of the period; a correction replaces the version it supersedes (same
  // project and period, so in the same scope): dropped below, and its figures subtracted. Cheaper than a
  // NOT EXISTS per row, and corrections are rare. Raw SQL: one join instead of Prisma's per-relation
  // queries (the pack of a 2,400-project subsidiary: ~740 → ~230 ms on a loaded machine).
  // A quarter or a year: each project's latest published report in the span (latestPublishedIn).
  const reportsWhere = aggregate ? latestPublishedIn(months) : Prisma.sql`r."periodId" = ${periodId} AND r."state" = 'PUBLISHED'`;
  const [allPublished, supersededRows, figureSums, [{ inScope }], open, book, subsidiaries, perMonth, closes] = await Promise.all([
    withReports
      ? prisma.$queryRaw<PublishedRow[]>`
      SELECT r."id", r."periodId", r."supersedesId", r."businessLine", r."health", r."progressPercent", r."reportVersion", r."publishedAt", r."changes", r."narrative",
        p."slug", p."nameEn", p."nameZh", u."path"
      ${from}
      WHERE ${reportsWhere} AND ${where}
      ORDER BY p."nameSortKey", r."reportVersion"`
      : Promise.resolve([] as PublishedRow[]),
    withReports || aggregate
      ? Promise.resolve([] as { supersedesId: string }[])
      : prisma.$queryRaw<{ supersedesId: string }[]>`
      SELECT r."supersedesId" ${from} WHERE ${reportsWhere} AND r."supersedesId" IS NOT NULL AND ${where}`,
    prisma.$queryRaw<{ key: string; currency: string; sum: string }[]>`
      SELECT f."key", f."currency", sum(f."value")::text AS "sum"
      FROM "ReportFigure" f JOIN "StatusReport" r ON r."id" = f."reportId" JOIN "Project" p ON p."id" = r."projectId" JOIN "OrgUnit" u ON u."id" = p."orgUnitId"
      WHERE ${reportsWhere} AND ${where}
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ inScope: number }[]>`SELECT count(*)::int AS "inScope" FROM "Project" p JOIN "OrgUnit" u ON u."id" = p."orgUnitId" WHERE ${where}`,
    prisma.$queryRaw<OpenRow[]>`
      SELECT p."slug", p."nameEn", p."nameZh", p."businessLine", u."path", l."state", l."updatedAt"
      FROM "Project" p JOIN "OrgUnit" u ON u."id" = p."orgUnitId"
      LEFT JOIN LATERAL (SELECT x."state", x."updatedAt" FROM "StatusReport" x WHERE x."projectId" = p."id" AND x."periodId" IN (${monthList}) ORDER BY x."periodId" DESC, x."reportVersion" DESC LIMIT 1) l ON TRUE
      WHERE ${where} AND NOT EXISTS (SELECT 1 FROM "StatusReport" y WHERE y."projectId" = p."id" AND y."periodId" IN (${monthList}) AND y."state" = 'PUBLISHED')
      ORDER BY p."nameSortKey"`,
    loadRuleBook(prisma),
    prisma.orgUnit.findMany({ where: { parent: { parentId: null } }, select: { code: true, nameEn: true, nameZh: true } }),
    aggregate
      ? prisma.$queryRaw<{ periodId: string; published: number }[]>`
      SELECT r."periodId", count(DISTINCT r."projectId")::int AS "published" ${from}
      WHERE r."periodId" IN (${monthList}) AND r."state" = 'PUBLISHED' AND ${where} GROUP BY 1`
      : Promise.resolve(null),
    prisma.reportingPeriod.findMany({ where: { id: { in: months }, closedAt: { not: null } }, select: { id: true, closedAt: true, closedByName: true } }),
  ]);
  const superseded = new Set(
    aggregate ? [] : [...allPublished.map((r) => r.supersedesId), ...supersededRows.map((r) => r.supersedesId)].filter((id): id is string => id !== null),
  );
  const published = superseded.size ? allPublished.filter((r) => !superseded.has(r.id)) : allPublished;
  const sums = new Map(figureSums.map((f) => [`${f.key}\u0000${f.currency}`, { key: f.key, currency: f.currency, sum: new Prisma.Decimal(f.sum ?? 0) }]));
  if (superseded.size) {
    const minus = await prisma.reportFigure.groupBy({ by: ["key", "currency"], where: { reportId: { in: [...superseded] } }, _sum: { value: true } });
    for (const f of minus) {
      const cur = sums.get(`${f.key}\u0000${f.currency}`);
      if (cur) cur.sum = cur.sum.minus(f._sum.value ?? 0);
    }
  }
  const subsidiaryByCode = new Map(subsidiaries.map((s) => [s.code, s]));
  const groups = new Map<string, PackGroup>();
  const healthCounts: Partial<Record<Health, number>> = {};
  for (const r of published) {
    const subsidiary = subsidiaryOf(r.path);
    const row: PackReport = {
      id: r.id,
      slug: r.slug,
      nameEn: r.nameEn,
      nameZh: r.nameZh,
      periodId: r.periodId,
      subsidiary,
      businessLine: r.businessLine,
      health: r.health,
      progressPercent: r.progressPercent,
      reportVersion: r.reportVersion,
      publishedAt: r.publishedAt!.toISOString(),
      changes: (r.changes ?? []) as unknown as ReportChange[],
      narrative: r.narrative as Narrative,
    };
    const key = packGroupKey(row);
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = {
          key,
          subsidiary: subsidiary ? (subsidiaryByCode.get(subsidiary) ?? { code: subsidiary, nameEn: subsidiary, nameZh: null }) : null,
          businessLine: r.businessLine,
          reports: [],
        }),
      );
    group.reports.push(row);
    if (r.health) healthCounts[r.health] = (healthCounts[r.health] ?? 0) + 1;
  }
  // The group's own projects first, then subsidiaries by name, each by business line.
  const ordered = [...groups.values()].sort(
    (a, b) => (a.subsidiary?.nameEn ?? "").localeCompare(b.subsidiary?.nameEn ?? "") || (a.businessLine ?? "").localeCompare(b.businessLine ?? ""),
  );
  const packDue = dueDate(lastMonth, unitRow ? book.forPath(unitRow.path) : book.group);
  // Without the reports: their health counted by the database (a superseded version is not counted).
  let publishedCount = published.length;
  if (!withReports) {
    const byHealth = await prisma.$queryRaw<{ health: Health | null; n: number }[]>`
      SELECT r."health", count(*)::int AS "n" ${from}
      WHERE ${reportsWhere} AND ${where} AND NOT EXISTS (SELECT 1 FROM "StatusReport" s WHERE s."supersedesId" = r."id" AND s."state" = 'PUBLISHED')
      GROUP BY 1`;
    for (const h of byHealth) if (h.health) healthCounts[h.health] = h.n;
    publishedCount = byHealth.reduce((a, h) => a + h.n, 0);
  }
  const closeOf = new Map(closes.map((c) => [c.id, { closedAt: c.closedAt!.toISOString(), closedByName: c.closedByName }]));
  const publishedIn = new Map((perMonth ?? [{ periodId, published: publishedCount }]).map((m) => [m.periodId, m.published]));
  return {
    periodId,
    span: !aggregate ? "month" : months.length === 3 ? "quarter" : "year",
    months: months.map((m) => ({ periodId: m, published: publishedIn.get(m) ?? 0, closedAt: null, closedByName: null, ...closeOf.get(m) })),
    dueOn: packDue.toISOString().slice(0, 10),
    unit: unitRow ? { code: unitRow.code, nameEn: unitRow.nameEn, nameZh: unitRow.nameZh } : null,
    groups: ordered,
    notReported: open.map((p) => {
      const due = dueDate(lastMonth, book.forPath(p.path));
      return {
        slug: p.slug,
        nameEn: p.nameEn,
        nameZh: p.nameZh,
        subsidiary: subsidiaryOf(p.path),
        businessLine: p.businessLine,
        state: p.state ?? "MISSING",
        since: (p.updatedAt ?? due).toISOString(),
        dueOn: due.toISOString().slice(0, 10),
        overdue: today.getTime() > due.getTime(),
      };
    }),
    figures: [...sums.values()].map((f) => ({ key: f.key, currency: f.currency, sum: f.sum.toString() })),
    healthCounts,
    published: publishedCount,
    inScope,
  };
}

interface PublishedRow {
  id: string;
  periodId: string;
  supersedesId: string | null;
  businessLine: BusinessLine | null;
  health: Health | null;
  progressPercent: number | null;
  reportVersion: number;
  publishedAt: Date | null;
  changes: unknown;
  narrative: unknown;
  slug: string;
  nameEn: string;
  nameZh: string | null;
  path: string;
}

interface OpenRow {
  slug: string;
  nameEn: string;
  nameZh: string | null;
  businessLine: BusinessLine;
  path: string;
  state: ReportState | null;
  updatedAt: Date | null;
}
