import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { projectReadScope } from "../projects/project-scope";
import type { GateReviewDetail, OverdueCondition, ProjectGates } from "./types";

/** Gate reads; every one scoped by the viewer's project read scope in its where. */
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const today = () => new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");

export async function getProjectGates({ viewer, slug }: { viewer: Viewer | null; slug: string }): Promise<ProjectGates | null> {
  const prisma = await db();
  const p = await prisma.project.findFirst({
    where: { ...projectReadScope(viewer), slug },
    select: {
      gateProcess: {
        select: {
          process: {
            select: {
              key: true,
              nameEn: true,
              nameZh: true,
              gates: { orderBy: { sequence: "asc" }, select: { key: true, nameEn: true, nameZh: true, stageOnGo: true } },
            },
          },
        },
      },
      gateReviews: {
        orderBy: [{ createdAt: "desc" }],
        select: {
          id: true,
          plannedOn: true,
          heldOn: true,
          decision: true,
          decidedAt: true,
          supersedesId: true,
          gate: { select: { key: true, nameEn: true, nameZh: true, sequence: true } },
        },
      },
    },
  });
  if (!p) return null;
  const processes = await prisma.gateProcess.findMany({ orderBy: { key: "asc" }, select: { key: true, nameEn: true, nameZh: true } });
  const proc = p.gateProcess?.process;
  return {
    process: proc
      ? {
          key: proc.key,
          name: { en: proc.nameEn, zh: proc.nameZh },
          gates: proc.gates.map((g) => ({ key: g.key, name: { en: g.nameEn, zh: g.nameZh }, stageOnGo: g.stageOnGo })),
        }
      : null,
    processes: processes.map((x) => ({ key: x.key, name: { en: x.nameEn, zh: x.nameZh } })),
    reviews: p.gateReviews.map((r) => ({
      id: r.id,
      gate: { key: r.gate.key, name: { en: r.gate.nameEn, zh: r.gate.nameZh }, sequence: r.gate.sequence },
      plannedOn: isoDay(r.plannedOn),
      heldOn: isoDay(r.heldOn),
      decision: r.decision,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      supersedesId: r.supersedesId,
    })),
  };
}

export async function getGateReview({ viewer, slug, reviewId }: { viewer: Viewer | null; slug: string; reviewId: string }): Promise<GateReviewDetail | null> {
  if (!UUID.test(reviewId)) return null;
  const prisma = await db();
  const r = await prisma.gateReview.findFirst({
    where: { id: reviewId, project: { ...projectReadScope(viewer), slug } },
    include: {
      project: { select: { slug: true, nameEn: true, nameZh: true, stage: true } },
      gate: true,
      approvers: { orderBy: { id: "asc" }, include: { user: { select: { name: true } } } },
      conditions: { orderBy: [{ dueOn: "asc" }, { id: "asc" }], include: { owner: { select: { id: true, name: true } } } },
      deliverables: {
        orderBy: [{ definition: { sequence: "asc" } }, { id: "asc" }],
        include: {
          definition: { select: { key: true } },
          documents: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              title: true,
              versions: {
                where: { complete: true },
                orderBy: { number: "desc" },
                take: 1,
                select: { id: true, number: true, fileName: true, size: true, sha256: true },
              },
            },
          },
        },
      },
    },
  });
  if (!r) return null;
  return {
    id: r.id,
    version: r.version,
    project: { slug: r.project.slug, name: { en: r.project.nameEn, zh: r.project.nameZh }, stage: r.project.stage },
    gate: { key: r.gate.key, name: { en: r.gate.nameEn, zh: r.gate.nameZh }, sequence: r.gate.sequence },
    stageOnGo: r.gate.stageOnGo,
    plannedOn: isoDay(r.plannedOn),
    heldOn: isoDay(r.heldOn),
    approvalRule: r.approvalRule,
    decision: r.decision,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedByName,
    supersedesId: r.supersedesId,
    rationale: { en: r.rationaleEn, zh: r.rationaleZh },
    approvedCapex: r.approvedCapexAmount && r.approvedCapexCurrency ? { amount: r.approvedCapexAmount.toString(), currency: r.approvedCapexCurrency } : null,
    boardResolutionRef: r.boardResolutionRef,
    filingRef: r.filingRef,
    approvers: r.approvers.map((a) => ({
      id: a.id,
      userId: a.userId,
      name: a.user.name,
      response: a.response,
      reason: a.reason,
      respondedAt: a.respondedAt?.toISOString() ?? null,
    })),
    conditions: r.conditions.map((c) => ({
      id: c.id,
      text: { en: c.textEn, zh: c.textZh },
      owner: c.owner,
      dueOn: isoDay(c.dueOn)!,
      status: c.status,
      version: c.version,
    })),
    deliverables: r.deliverables.map((d) => ({
      id: d.id,
      key: d.definition?.key ?? null,
      name: { en: d.nameEn, zh: d.nameZh },
      mandatory: d.mandatory,
      documents: d.documents.flatMap((doc) =>
        doc.versions[0]
          ? [
              {
                id: doc.id,
                title: doc.title,
                versionId: doc.versions[0].id,
                number: doc.versions[0].number,
                fileName: doc.versions[0].fileName,
                size: Number(doc.versions[0].size),
                sha256: doc.versions[0].sha256 ?? "",
              },
            ]
          : [],
      ),
    })),
  };
}

/** Open conditions of decided reviews whose due date has passed, oldest first. */
export async function overdueGateConditions({
  viewer,
  limit = 10,
  now = today(),
}: {
  viewer: Viewer | null;
  limit?: number;
  now?: Date;
}): Promise<{ rows: OverdueCondition[]; total: number }> {
  const prisma = await db();
  const where = { status: "OPEN" as const, dueOn: { lt: now }, review: { decidedAt: { not: null }, project: projectReadScope(viewer) } };
  const [rows, total] = await Promise.all([
    prisma.gateCondition.findMany({
      where,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: limit,
      include: {
        owner: { select: { id: true, name: true } },
        review: { select: { id: true, gate: { select: { nameEn: true, nameZh: true } }, project: { select: { slug: true, nameEn: true, nameZh: true } } } },
      },
    }),
    prisma.gateCondition.count({ where }),
  ]);
  return {
    rows: rows.map((c) => ({
      id: c.id,
      text: { en: c.textEn, zh: c.textZh },
      dueOn: isoDay(c.dueOn)!,
      owner: c.owner,
      reviewId: c.review.id,
      gate: { en: c.review.gate.nameEn, zh: c.review.gate.nameZh },
      project: { slug: c.review.project.slug, name: { en: c.review.project.nameEn, zh: c.review.project.nameZh } },
    })),
    total,
  };
}
