import "server-only";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record-audit";
import type { Prisma } from "../db/generated/client";
import { AppError, type MessageSpec } from "../errors";
import { recordChange } from "../history/record-change";
import { findWritableProject } from "../projects/project-access";
import { projectReadScope } from "../projects/project-scope";
import { mutate, type MutationResult } from "../server/mutation";
import {
  approverResponseSchema,
  conditionCreateSchema,
  conditionUpdateSchema,
  decideSchema,
  isGo,
  reviewCreateSchema,
  reviewUpdateSchema,
  setProcessSchema,
  type GateDecision,
} from "./gate.validation";

/**
 * Gate reviews: prepared by the PMO (gate:review), answered by the named
 * approvers (gate:approve), decided by the PMO (gate:decide). A decided review
 * is final in the app (checked here) and in the database (triggers); a
 * correction is a new review naming the old one (supersedesId).
 */
const day = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : new Date(`${s}T00:00:00Z`));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (fields: Record<string, MessageSpec>, message: MessageSpec = "fieldsNeedAttention") => new AppError("BAD_REQUEST", message, fields);

export type ReviewRef = { id: string; version: number };

async function reviewUnder(tx: Prisma.TransactionClient, projectId: string, reviewId: string) {
  const review = UUID.test(reviewId) ? await tx.gateReview.findFirst({ where: { id: reviewId, projectId }, include: { gate: true } }) : null;
  if (!review) throw new AppError("NOT_FOUND", "noSuchGateReview");
  return review;
}

function assertOpen(review: { decidedAt: Date | null }) {
  if (review.decidedAt) throw new AppError("CONFLICT", "gateReviewFinal");
}

async function checkUsers(tx: Prisma.TransactionClient, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx.user.count({ where: { id: { in: ids }, banned: { not: true } } });
  if (found !== new Set(ids).size) throw invalid({ [field]: "noSuchUser" });
}

export async function setProjectGateProcess({
  viewer,
  slug,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  input: unknown;
}): Promise<MutationResult<{ processKey: string }>> {
  return mutate({
    name: "setProjectGateProcess",
    schema: setProcessSchema,
    input,
    viewer,
    permission: "gate:review",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, gateProcess: { select: { processId: true } } } });
      const process = await tx.gateProcess.findUnique({ where: { key: input.processKey } });
      if (!process) throw invalid({ processKey: "noSuchGateProcess" });
      if (p.gateProcess && p.gateProcess.processId !== process.id && (await tx.gateReview.count({ where: { projectId: p.id } })))
        throw new AppError("CONFLICT", "gateProcessLocked");
      await tx.projectGateProcess.upsert({
        where: { projectId: p.id },
        create: { projectId: p.id, processId: process.id },
        update: { processId: process.id, setAt: new Date() },
      });
      await recordAudit(tx, viewer, {
        action: "gate.process.set",
        entityType: "project",
        entityId: p.id,
        before: p.gateProcess ? { processId: p.gateProcess.processId } : null,
        after: { processKey: process.key },
      });
      return { processKey: process.key };
    },
  });
}

export async function createGateReview({ viewer, slug, input }: { viewer: Viewer | null; slug: string; input: unknown }): Promise<MutationResult<ReviewRef>> {
  return mutate({
    name: "createGateReview",
    schema: reviewCreateSchema,
    input,
    viewer,
    permission: "gate:review",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, gateProcess: { select: { processId: true } } } });
      if (!p.gateProcess) throw invalid({ gateKey: "chooseProcessFirst" });
      const gate = await tx.gateDefinition.findUnique({
        where: { processId_key: { processId: p.gateProcess.processId, key: input.gateKey } },
        include: { deliverables: { orderBy: { sequence: "asc" } } },
      });
      if (!gate) throw invalid({ gateKey: "noSuchGateInProcess" });
      if (input.supersedesId) {
        const earlier = await tx.gateReview.findFirst({ where: { id: input.supersedesId, projectId: p.id, gateId: gate.id } });
        if (!earlier) throw invalid({ supersedesId: "noReviewToRevisit" });
        if (!earlier.decidedAt) throw invalid({ supersedesId: "onlyDecidedRevisit" });
      }
      await checkUsers(tx, input.approverIds, "approverIds");
      const review = await tx.gateReview.create({
        data: {
          projectId: p.id,
          gateId: gate.id,
          plannedOn: day(input.plannedOn) ?? null,
          approvalRule: input.approvalRule,
          supersedesId: input.supersedesId ?? null,
          approvers: { create: input.approverIds.map((userId) => ({ userId })) },
          deliverables: { create: gate.deliverables.map((d) => ({ definitionId: d.id, nameEn: d.nameEn, nameZh: d.nameZh, mandatory: d.mandatory })) },
        },
      });
      await recordAudit(tx, viewer, {
        action: "gate.review.create",
        entityType: "gateReview",
        entityId: review.id,
        after: { projectId: p.id, gate: gate.key, ...input },
      });
      return { id: review.id, version: review.version };
    },
  });
}

export async function updateGateReview({
  viewer,
  slug,
  reviewId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  reviewId: string;
  input: unknown;
}): Promise<MutationResult<ReviewRef>> {
  return mutate({
    name: "updateGateReview",
    schema: reviewUpdateSchema,
    input,
    viewer,
    permission: "gate:review",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const review = await reviewUnder(tx, p.id, reviewId);
      assertOpen(review);
      if (review.version !== input.version)
        throw new AppError("CONFLICT", "gateReviewConflict", undefined, {
          current: { version: review.version },
        });
      const { version, approverIds, plannedOn, heldOn, ...rest } = input;
      if (approverIds) {
        if (new Set(approverIds).size !== approverIds.length) throw invalid({ approverIds: "approverOnce" });
        await checkUsers(tx, approverIds, "approverIds");
        // A changed list of approvers starts their answers afresh: an answer was given to the review as it stood.
        await tx.gateApprover.deleteMany({ where: { reviewId: review.id } });
        await tx.gateApprover.createMany({ data: approverIds.map((userId) => ({ reviewId: review.id, userId })) });
      }
      const written = await tx.gateReview.updateMany({
        where: { id: review.id, version, decidedAt: null },
        data: { ...rest, plannedOn: day(plannedOn), heldOn: day(heldOn), version: { increment: 1 } },
      });
      if (written.count !== 1) throw new AppError("CONFLICT", "gateReviewConflictNow");
      await recordAudit(tx, viewer, { action: "gate.review.update", entityType: "gateReview", entityId: review.id, after: input });
      return { id: review.id, version: review.version + 1 };
    },
  });
}

export async function addGateCondition({
  viewer,
  slug,
  reviewId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  reviewId: string;
  input: unknown;
}): Promise<MutationResult<{ id: string }>> {
  return mutate({
    name: "addGateCondition",
    schema: conditionCreateSchema,
    input,
    viewer,
    permission: "gate:review",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const review = await reviewUnder(tx, p.id, reviewId);
      assertOpen(review);
      await checkUsers(tx, input.ownerId ? [input.ownerId] : [], "ownerId");
      const c = await tx.gateCondition.create({
        data: {
          reviewId: review.id,
          textEn: input.textEn,
          textZh: input.textZh ?? null,
          ownerId: input.ownerId ?? null,
          dueOn: new Date(`${input.dueOn}T00:00:00Z`),
        },
      });
      await recordAudit(tx, viewer, { action: "gate.condition.create", entityType: "gateCondition", entityId: c.id, after: { reviewId: review.id, ...input } });
      return { id: c.id };
    },
  });
}

/** Met or waived: the one change a condition of a decided review still takes. */
export async function updateGateCondition({
  viewer,
  slug,
  conditionId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  conditionId: string;
  input: unknown;
}): Promise<MutationResult<{ id: string; version: number }>> {
  return mutate({
    name: "updateGateCondition",
    schema: conditionUpdateSchema,
    input,
    viewer,
    permission: "gate:condition",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const c = UUID.test(conditionId) ? await tx.gateCondition.findFirst({ where: { id: conditionId, review: { projectId: p.id } } }) : null;
      if (!c) throw new AppError("NOT_FOUND", "noSuchGateCondition");
      const written = await tx.gateCondition.updateMany({
        where: { id: c.id, version: input.version },
        data: { status: input.status, closedAt: input.status === "OPEN" ? null : new Date(), version: { increment: 1 } },
      });
      if (written.count !== 1)
        throw new AppError("CONFLICT", "gateConditionConflict", undefined, {
          current: { version: c.version, status: c.status },
        });
      await recordAudit(tx, viewer, {
        action: "gate.condition.update",
        entityType: "gateCondition",
        entityId: c.id,
        before: { status: c.status },
        after: { status: input.status },
      });
      return { id: c.id, version: c.version + 1 };
    },
  });
}

/**
 * A named approver's answer. The approver row is part of the where: someone
 * not named on the review is refused whatever their role.
 */
export async function respondToGateReview({
  viewer,
  slug,
  reviewId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  reviewId: string;
  input: unknown;
}): Promise<MutationResult<{ response: string }>> {
  return mutate({
    name: "respondToGateReview",
    schema: approverResponseSchema,
    input,
    viewer,
    permission: "gate:approve",
    run: async ({ tx, viewer, input }) => {
      const review = UUID.test(reviewId) ? await tx.gateReview.findFirst({ where: { id: reviewId, project: { ...projectReadScope(viewer), slug } } }) : null;
      if (!review) throw new AppError("NOT_FOUND", "noSuchGateReview");
      assertOpen(review);
      const approver = await tx.gateApprover.findFirst({ where: { reviewId: review.id, userId: viewer.id } });
      if (!approver) throw new AppError("FORBIDDEN", "notAnApprover");
      await tx.gateApprover.update({ where: { id: approver.id }, data: { response: input.response, reason: input.reason ?? null, respondedAt: new Date() } });
      await recordAudit(tx, viewer, {
        action: "gate.review.respond",
        entityType: "gateReview",
        entityId: review.id,
        before: { response: approver.response },
        after: { response: input.response, reason: input.reason ?? null },
      });
      return { response: input.response };
    },
  });
}

export function approvalsSatisfied(rule: "ANY" | "ALL", responses: string[]): boolean {
  if (!responses.length) return false;
  return rule === "ALL" ? responses.every((r) => r === "APPROVED") : responses.some((r) => r === "APPROVED");
}

/**
 * Records the decision; the review is final from here. A go (with or without
 * conditions) needs the approvers' consent under the review's rule and
 * evidence for every mandatory deliverable; a go with conditions needs at
 * least one condition. Afterwards the project's stage follows its last go
 * still standing (one history entry citing the review).
 */
export async function decideGateReview({
  viewer,
  slug,
  reviewId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  reviewId: string;
  input: unknown;
}): Promise<MutationResult<{ id: string; decision: GateDecision; stage: string }>> {
  return mutate({
    name: "decideGateReview",
    schema: decideSchema,
    input,
    viewer,
    permission: "gate:decide",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, stage: true, version: true } });
      const review = await reviewUnder(tx, p.id, reviewId);
      assertOpen(review);
      if (review.version !== input.version)
        throw new AppError("CONFLICT", "gateDecideConflict", undefined, {
          current: { version: review.version },
        });
      const [approvers, conditions, deliverables] = await Promise.all([
        tx.gateApprover.findMany({ where: { reviewId: review.id }, select: { response: true } }),
        tx.gateCondition.count({ where: { reviewId: review.id } }),
        tx.gateDeliverable.findMany({
          where: { reviewId: review.id },
          orderBy: [{ definition: { sequence: "asc" } }, { id: "asc" }],
          select: { nameEn: true, mandatory: true, _count: { select: { documents: { where: { versions: { some: { complete: true } } } } } } },
        }),
      ]);
      if (isGo(input.decision)) {
        if (
          !approvalsSatisfied(
            review.approvalRule,
            approvers.map((a) => a.response),
          )
        )
          throw invalid({ decision: review.approvalRule === "ALL" ? "goNeedsAll" : "goNeedsOne" }, "approversNotConsented");
        const missing = deliverables.filter((d) => d.mandatory && d._count.documents === 0).map((d) => d.nameEn);
        if (missing.length)
          throw invalid({ decision: { key: "deliverablesWithoutEvidence", params: { names: missing.join(", ") } } }, "deliverablesLackEvidence");
      }
      if (input.decision === "GO_WITH_CONDITIONS" && conditions === 0) throw invalid({ decision: "goWithConditionsNeedsOne" });
      if (input.decision === "GO" && conditions > 0) throw invalid({ decision: "reviewHasConditions" });
      const decidedAt = new Date();
      const written = await tx.gateReview.updateMany({
        where: { id: review.id, version: input.version, decidedAt: null },
        data: {
          decision: input.decision,
          rationaleEn: input.rationaleEn,
          rationaleZh: input.rationaleZh ?? null,
          heldOn: new Date(`${input.heldOn}T00:00:00Z`),
          decidedAt,
          decidedById: viewer.id,
          decidedByName: viewer.name,
          version: { increment: 1 },
        },
      });
      if (written.count !== 1) throw new AppError("CONFLICT", "gateDecideConflictNow");
      await recordAudit(tx, viewer, {
        action: "gate.review.decide",
        entityType: "gateReview",
        entityId: review.id,
        after: { decision: input.decision, rationaleEn: input.rationaleEn, heldOn: input.heldOn, gate: review.gate.key },
      });
      const stage = await followLastGo(tx, { project: p, viewer, review: { id: review.id, gateName: review.gate.nameEn, decision: input.decision } });
      return { id: review.id, decision: input.decision, stage };
    },
  });
}

/** The stage of the project's latest go that no decided re-decision has replaced; a history entry when it changes the project's stage. */
async function followLastGo(
  tx: Prisma.TransactionClient,
  {
    project,
    viewer,
    review,
  }: { project: { id: string; stage: string; version: number }; viewer: Viewer; review: { id: string; gateName: string; decision: GateDecision } },
): Promise<string> {
  const lastGo = await tx.gateReview.findFirst({
    where: { projectId: project.id, decision: { in: ["GO", "GO_WITH_CONDITIONS"] }, supersededBy: { none: { decidedAt: { not: null } } } },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    select: { id: true, gate: { select: { stageOnGo: true } } },
  });
  if (!lastGo || lastGo.gate.stageOnGo === project.stage) return project.stage;
  const version = project.version + 1;
  const written = await tx.project.updateMany({ where: { id: project.id, version: project.version }, data: { stage: lastGo.gate.stageOnGo, version } });
  if (written.count !== 1) throw new AppError("CONFLICT", "projectChangedDecideAgain");
  await recordChange(tx, {
    projectId: project.id,
    viewer,
    version,
    comment: `Gate review ${review.id} (${review.gateName}): ${review.decision}. The stage follows the last go (review ${lastGo.id}).`,
    changes: [{ field: "stage", before: project.stage, after: lastGo.gate.stageOnGo }],
  });
  return lastGo.gate.stageOnGo;
}
