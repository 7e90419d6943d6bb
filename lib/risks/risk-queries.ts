import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { unitsInScope } from "../org/org-units";
import type { UnitOption } from "../projects/types";
import { projectReadScope, readScopeOf } from "../projects/project-scope";
import type { AssessmentKind } from "./enums";
import { matrixFromRow } from "./matrix-row";
import type { MatrixDefinition } from "./matrix";
import { DEFAULT_MATRIX_KEY } from "./reference-data";
import { RISK_PAGE_SIZE, type RiskListParams } from "./risk-list-params";
import type { HeatMap, RiskDetail, RiskRow } from "./types";

/**
 * The risk register's reads. Every one puts the viewer's project scope
 * (projectReadScope) in its where: a risk of a project outside it does not exist.
 */
const today = () => new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * `orgPath`: the path of the unit `params.org` names (unitPathOf), null when no unit has that code (no rows).
 * The unit filter narrows the reader's scope, never widens it: both are conditions on the project.
 */
export function riskWhere(viewer: Viewer | null, params: Partial<RiskListParams>, now = today(), orgPath?: string | null): Prisma.RiskWhereInput {
  const unit: Prisma.ProjectWhereInput = params.org === undefined ? {} : orgPath ? { orgUnit: { path: { startsWith: orgPath } } } : { id: { in: [] } };
  return {
    project: { AND: [projectReadScope(viewer), unit, params.project ? { slug: params.project } : {}] },
    ...(params.category ? { category: params.category } : {}),
    ...(params.band ? { currentBand: params.band } : {}),
    ...(params.owner ? { ownerId: params.owner } : {}),
    ...(params.status ? { status: params.status } : {}),
    ...(params.p ? { currentProbability: params.p } : {}),
    ...(params.i ? { currentImpact: params.i } : {}),
    ...(params.overdue ? { nextReviewOn: { lt: now }, status: { notIn: ["CLOSED"] } } : {}),
  };
}

export const RISK_ROW_SELECT = {
  id: true,
  code: true,
  titleEn: true,
  titleZh: true,
  kind: true,
  category: true,
  status: true,
  response: true,
  nextReviewOn: true,
  currentProbability: true,
  currentImpact: true,
  currentScore: true,
  currentBand: true,
  owner: { select: { id: true, name: true } },
  project: { select: { slug: true, nameEn: true, nameZh: true } },
} as const satisfies Prisma.RiskSelect;

type RowRecord = Prisma.RiskGetPayload<{ select: typeof RISK_ROW_SELECT }>;

export function toRiskRow(r: RowRecord, previousScore: number | null = null): RiskRow {
  return {
    id: r.id,
    code: r.code,
    title: { en: r.titleEn, zh: r.titleZh },
    kind: r.kind,
    category: r.category,
    status: r.status,
    response: r.response,
    nextReviewOn: isoDay(r.nextReviewOn),
    probability: r.currentProbability,
    impact: r.currentImpact,
    score: r.currentScore,
    band: r.currentBand,
    previousScore,
    owner: r.owner,
    project: { slug: r.project.slug, name: { en: r.project.nameEn, zh: r.project.nameZh } },
  };
}

const ORDER: Prisma.RiskOrderByWithRelationInput[] = [{ currentScore: { sort: "desc", nulls: "last" } }, { code: "asc" }, { id: "asc" }];
// Among scored risks only: no NULLS LAST, so the walk follows the currentScore index and stops at the limit
// (with NULLS LAST, PostgreSQL sorted all 160,000 open risks of the 20,000-project bench for ten of them).
const SCORED_ORDER: Prisma.RiskOrderByWithRelationInput[] = [{ currentScore: "desc" }, { code: "asc" }, { id: "asc" }];

/**
 * The reader's scope as a condition on a risk: none at all for the whole portfolio, where `project: {}` would
 * still make the query visit every risk's project.
 */
function riskScope(viewer: Viewer | null): Prisma.RiskWhereInput {
  const scope = projectReadScope(viewer);
  return Object.keys(scope).length ? { project: scope } : {};
}

/** The path of the unit with this code (the unit filter's subtree), or null. */
async function unitPathOf(code: string | undefined): Promise<string | null | undefined> {
  if (code === undefined) return undefined;
  const prisma = await db();
  return (await prisma.orgUnit.findUnique({ where: { code }, select: { path: true } }))?.path ?? null;
}

export async function listRisks({
  viewer,
  params,
  pageSize = RISK_PAGE_SIZE,
}: {
  viewer: Viewer | null;
  params: RiskListParams;
  pageSize?: number;
}): Promise<{ rows: RiskRow[]; total: number; page: number; pageSize: number }> {
  const prisma = await db();
  const where = riskWhere(viewer, params, today(), await unitPathOf(params.org));
  const [rows, total] = await Promise.all([
    prisma.risk.findMany({ where, select: RISK_ROW_SELECT, orderBy: ORDER, skip: (params.page - 1) * pageSize, take: pageSize }),
    prisma.risk.count({ where }),
  ]);
  return { rows: rows.map((r) => toRiskRow(r)), total, page: params.page, pageSize };
}

/** Every row the list's filters select, in batches (exports). */
export async function* allRisks({ viewer, params }: { viewer: Viewer | null; params: RiskListParams }): AsyncGenerator<RiskRow> {
  const prisma = await db();
  const where = riskWhere(viewer, params, today(), await unitPathOf(params.org));
  for (let skip = 0; ; skip += 1000) {
    const batch = await prisma.risk.findMany({ where, select: RISK_ROW_SELECT, orderBy: ORDER, skip, take: 1000 });
    for (const r of batch) yield toRiskRow(r);
    if (batch.length < 1000) return;
  }
}

/** A project's risks with their trend: the score before the current one (same kind). */
export async function listProjectRisks({ viewer, slug }: { viewer: Viewer | null; slug: string }): Promise<RiskRow[]> {
  const prisma = await db();
  const rows = await prisma.risk.findMany({
    where: { project: { ...projectReadScope(viewer), slug } },
    select: {
      ...RISK_ROW_SELECT,
      assessments: { where: { kind: { in: ["RESIDUAL", "INHERENT"] } }, orderBy: { assessedAt: "desc" }, take: 6, select: { kind: true, score: true } },
    },
    orderBy: ORDER,
  });
  return rows.map((r) => {
    const kind = r.assessments.some((a) => a.kind === "RESIDUAL") ? "RESIDUAL" : "INHERENT";
    const ofKind = r.assessments.filter((a) => a.kind === kind);
    return toRiskRow(r, ofKind[1]?.score ?? null);
  });
}

export async function getRisk({ viewer, slug, code }: { viewer: Viewer | null; slug: string; code: string }): Promise<RiskDetail | null> {
  const prisma = await db();
  const r = await prisma.risk.findFirst({
    where: { code, project: { ...projectReadScope(viewer), slug } },
    select: {
      ...RISK_ROW_SELECT,
      version: true,
      causeEn: true,
      causeZh: true,
      eventEn: true,
      eventZh: true,
      effectEn: true,
      effectZh: true,
      occurredNote: true,
      occurredLink: true,
      occurredMilestoneId: true,
      matrix: true,
      assessments: { orderBy: { assessedAt: "desc" } },
      actions: { orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], include: { owner: { select: { id: true, name: true } } } },
      documents: {
        select: {
          id: true,
          title: true,
          versions: {
            where: { complete: true },
            orderBy: { number: "desc" },
            take: 1,
            select: { id: true, number: true, fileName: true, size: true, uploadedAt: true },
          },
        },
      },
    },
  });
  if (!r) return null;
  return {
    ...toRiskRow(r),
    version: r.version,
    cause: { en: r.causeEn, zh: r.causeZh },
    event: { en: r.eventEn, zh: r.eventZh },
    effect: { en: r.effectEn, zh: r.effectZh },
    occurred: { note: r.occurredNote, link: r.occurredLink, milestoneId: r.occurredMilestoneId },
    matrix: matrixFromRow(r.matrix),
    assessments: r.assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      probability: a.probability,
      impact: a.impact,
      impacts: a.impacts as Record<string, number>,
      score: a.score,
      band: a.band,
      note: a.note,
      assessedAt: a.assessedAt.toISOString(),
      assessedBy: a.assessedByName,
    })),
    actions: r.actions.map((a) => ({
      id: a.id,
      title: { en: a.title, zh: a.titleZh },
      owner: a.owner,
      dueOn: isoDay(a.dueOn),
      status: a.status,
      version: a.version,
    })),
    documents: r.documents.flatMap((d) =>
      d.versions[0]
        ? [
            {
              id: d.id,
              title: d.title,
              versionId: d.versions[0].id,
              number: d.versions[0].number,
              fileName: d.versions[0].fileName,
              size: Number(d.versions[0].size),
            },
          ]
        : [],
    ),
  };
}

export async function getDefaultMatrix(): Promise<MatrixDefinition> {
  const prisma = await db();
  return matrixFromRow(await prisma.riskMatrix.findFirstOrThrow({ where: { key: DEFAULT_MATRIX_KEY }, orderBy: { version: "desc" } }));
}

/**
 * Counts of risks per cell (probability × highest impact). Today: from the
 * risks' current figures (open risks only). On a past date: each risk's latest
 * assessment of the kind up to the end of that day, as it stood then.
 */
export async function getHeatMap({ viewer, asOf, kind = "RESIDUAL" }: { viewer: Viewer | null; asOf?: string; kind?: AssessmentKind }): Promise<HeatMap> {
  const prisma = await db();
  const matrix = await getDefaultMatrix();
  const cells: HeatMap["cells"] = [];
  if (!asOf) {
    const groups = await prisma.risk.groupBy({
      by: ["currentProbability", "currentImpact"],
      where: { ...riskScope(viewer), status: { notIn: ["CLOSED"] }, currentScore: { not: null } },
      _count: { _all: true },
    });
    for (const g of groups)
      if (g.currentProbability && g.currentImpact) cells.push({ probability: g.currentProbability, impact: g.currentImpact, count: g._count._all });
  } else {
    const end = new Date(`${asOf}T23:59:59.999Z`);
    // Each risk's latest assessment of the kind up to that day (DISTINCT ON, one index walk), within the reader's
    // scope: no filter when the scope is everything, else the scope's project ids (the scope stays a Prisma where).
    const scope = projectReadScope(viewer);
    const projectIds = Object.keys(scope).length ? (await prisma.project.findMany({ where: scope, select: { id: true } })).map((p) => p.id) : null;
    const rows = await prisma.$queryRaw<{ probability: number; impact: number; count: number }[]>`
      SELECT a."probability", a."impact", count(*)::int AS "count"
      FROM (
        SELECT DISTINCT ON (ra."riskId") ra."probability", ra."impact"
        FROM "RiskAssessment" ra
        ${projectIds ? Prisma.sql`JOIN "Risk" r ON r."id" = ra."riskId" AND r."projectId" = ANY(${projectIds}::uuid[])` : Prisma.empty}
        WHERE ra."kind" = ${kind}::"RiskAssessmentKind" AND ra."assessedAt" <= ${end}
        ORDER BY ra."riskId", ra."assessedAt" DESC
      ) a
      GROUP BY a."probability", a."impact"`;
    for (const r of rows) cells.push({ probability: Number(r.probability), impact: Number(r.impact), count: Number(r.count) });
  }
  cells.sort((a, b) => b.probability - a.probability || a.impact - b.impact);
  return { matrix, asOf: asOf ?? null, cells, total: cells.reduce((s, c) => s + c.count, 0) };
}

export async function topRisks({ viewer, limit = 10 }: { viewer: Viewer | null; limit?: number }): Promise<RiskRow[]> {
  const prisma = await db();
  const rows = await prisma.risk.findMany({
    where: { ...riskScope(viewer), status: { notIn: ["CLOSED"] }, currentScore: { not: null } },
    select: RISK_ROW_SELECT,
    orderBy: SCORED_ORDER,
    take: limit,
  });
  return rows.map((r) => toRiskRow(r));
}

export async function risksPastReview({
  viewer,
  limit = 10,
  now = today(),
}: {
  viewer: Viewer | null;
  limit?: number;
  now?: Date;
}): Promise<{ rows: RiskRow[]; total: number }> {
  const prisma = await db();
  const where: Prisma.RiskWhereInput = { ...riskScope(viewer), status: { notIn: ["CLOSED"] }, nextReviewOn: { lt: now } };
  const [rows, total] = await Promise.all([
    prisma.risk.findMany({ where, select: RISK_ROW_SELECT, orderBy: [{ nextReviewOn: "asc" }, { id: "asc" }], take: limit }),
    prisma.risk.count({ where }),
  ]);
  return { rows: rows.map((r) => toRiskRow(r)), total };
}

/** The users who own risks in scope (the owner filter's options). */
export async function riskOwners({ viewer }: { viewer: Viewer | null }): Promise<{ id: string; name: string }[]> {
  const prisma = await db();
  return prisma.user.findMany({
    where: { ownedRisks: { some: { project: projectReadScope(viewer) } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The unit filter's options: the units of the reader's scope, with risks or not ("none under this unit" is an answer too). */
export function riskUnits({ viewer }: { viewer: Viewer | null }): Promise<UnitOption[]> {
  return unitsInScope(readScopeOf(viewer));
}

/** Projects in scope that have risks (the project filter's options). */
export async function riskProjects({ viewer }: { viewer: Viewer | null }): Promise<{ slug: string; name: { en: string; zh: string | null } }[]> {
  const prisma = await db();
  const rows = await prisma.project.findMany({
    where: { ...projectReadScope(viewer), risks: { some: {} } },
    select: { slug: true, nameEn: true, nameZh: true },
    orderBy: { nameSortKey: "asc" },
    take: 500,
  });
  return rows.map((p) => ({ slug: p.slug, name: { en: p.nameEn, zh: p.nameZh } }));
}
