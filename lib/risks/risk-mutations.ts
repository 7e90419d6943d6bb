import "server-only";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record-audit";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { findWritableProject } from "../projects/project-access";
import { mutate, type MutationResult } from "../server/mutation";
import { responseFits } from "./enums";
import { scoreAssessment } from "./matrix";
import { matrixFromRow } from "./matrix-row";
import { DEFAULT_MATRIX_KEY } from "./reference-data";
import { actionCreateSchema, actionUpdateSchema, assessmentSchema, riskCreateSchema, riskUpdateSchema } from "./risk.validation";

/**
 * The risk register's writes. Every one: permission "risk:edit" (managers on
 * their own projects), the project found through findWritableProject, the risk
 * looked up under that project, one audit entry in the same transaction.
 */
const day = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : new Date(`${s}T00:00:00Z`));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RiskRef = { id: string; code: string; version: number };

async function riskUnder(tx: Prisma.TransactionClient, projectId: string, riskId: string) {
  const risk = UUID.test(riskId) ? await tx.risk.findFirst({ where: { id: riskId, projectId } }) : null;
  if (!risk) throw new AppError("NOT_FOUND", "noSuchRisk");
  return risk;
}

async function checkUser(tx: Prisma.TransactionClient, id: string | null | undefined, field: string) {
  if (!id) return;
  if (!(await tx.user.count({ where: { id, banned: { not: true } } }))) throw new AppError("BAD_REQUEST", "fieldsNeedAttention", { [field]: "noSuchUser" });
}

async function nextCode(tx: Prisma.TransactionClient, projectId: string): Promise<string> {
  const n = await tx.risk.count({ where: { projectId } });
  for (let i = n + 1; ; i++) {
    const code = `R-${String(i).padStart(3, "0")}`;
    if (!(await tx.risk.count({ where: { projectId, code } }))) return code;
  }
}

export async function createRisk({ viewer, slug, input }: { viewer: Viewer | null; slug: string; input: unknown }): Promise<MutationResult<RiskRef>> {
  return mutate({
    name: "createRisk",
    schema: riskCreateSchema,
    input,
    viewer,
    permission: "risk:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      await checkUser(tx, input.ownerId, "ownerId");
      const matrix = await tx.riskMatrix.findFirst({ where: { key: DEFAULT_MATRIX_KEY }, orderBy: { version: "desc" }, select: { id: true } });
      if (!matrix) throw new Error("risk matrix reference data missing");
      const code = input.code ?? (await nextCode(tx, p.id));
      if (input.code && (await tx.risk.count({ where: { projectId: p.id, code } })))
        throw new AppError("BAD_REQUEST", "fieldsNeedAttention", { code: "riskCodeTaken" });
      const { code: _code, nextReviewOn, ...rest } = input;
      void _code;
      const risk = await tx.risk.create({ data: { ...rest, projectId: p.id, code, nextReviewOn: day(nextReviewOn), matrixId: matrix.id } });
      await recordAudit(tx, viewer, { action: "risk.create", entityType: "risk", entityId: risk.id, after: { ...input, code, projectId: p.id } });
      return { id: risk.id, code: risk.code, version: risk.version };
    },
  });
}

export async function updateRisk({
  viewer,
  slug,
  riskId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  riskId: string;
  input: unknown;
}): Promise<MutationResult<RiskRef>> {
  return mutate({
    name: "updateRisk",
    schema: riskUpdateSchema,
    input,
    viewer,
    permission: "risk:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const risk = await riskUnder(tx, p.id, riskId);
      if (risk.version !== input.version)
        throw new AppError("CONFLICT", "riskConflict", undefined, {
          current: { version: risk.version },
        });
      const kind = input.kind ?? risk.kind;
      const response = input.response === undefined ? risk.response : input.response;
      if (response && !responseFits(kind, response)) throw new AppError("BAD_REQUEST", "fieldsNeedAttention", { response: "riskResponseKindShort" });
      await checkUser(tx, input.ownerId, "ownerId");
      if (input.occurredMilestoneId && !(await tx.milestone.count({ where: { id: input.occurredMilestoneId, projectId: p.id } })))
        throw new AppError("BAD_REQUEST", "fieldsNeedAttention", { occurredMilestoneId: "noSuchMilestone" });
      const { version, nextReviewOn, ...rest } = input;
      const updated = await tx.risk.updateMany({
        where: { id: risk.id, version },
        data: { ...rest, nextReviewOn: day(nextReviewOn), version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "riskConflictShort");
      const before = Object.fromEntries(Object.keys(rest).map((k) => [k, (risk as Record<string, unknown>)[k] as Prisma.InputJsonValue]));
      await recordAudit(tx, viewer, {
        action: "risk.update",
        entityType: "risk",
        entityId: risk.id,
        before: { ...before, nextReviewOn: risk.nextReviewOn?.toISOString().slice(0, 10) ?? null },
        after: { ...rest, nextReviewOn: nextReviewOn ?? null },
      });
      return { id: risk.id, code: risk.code, version: risk.version + 1 };
    },
  });
}

export type AssessmentResult = { id: string; kind: string; probability: number; impact: number; score: number; band: string };

/**
 * Scores a risk: a new (append-only) assessment against the risk's matrix
 * version. The risk's current figures follow its latest residual assessment,
 * else its latest inherent one.
 */
export async function assessRisk({
  viewer,
  slug,
  riskId,
  input,
  at,
}: {
  viewer: Viewer | null;
  slug: string;
  riskId: string;
  input: unknown;
  at?: Date;
}): Promise<MutationResult<AssessmentResult>> {
  return mutate({
    name: "assessRisk",
    schema: assessmentSchema,
    input,
    viewer,
    permission: "risk:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const risk = await riskUnder(tx, p.id, riskId);
      const matrix = matrixFromRow(await tx.riskMatrix.findUniqueOrThrow({ where: { id: risk.matrixId } }));
      let s;
      try {
        s = scoreAssessment(matrix, input.probability, input.impacts);
      } catch (err) {
        if (err instanceof RangeError)
          throw new AppError("BAD_REQUEST", "fieldsNeedAttention", { impacts: { key: "impactsNotInMatrix", params: { detail: err.message } } });
        throw err;
      }
      const a = await tx.riskAssessment.create({
        data: {
          riskId: risk.id,
          kind: input.kind,
          matrixId: risk.matrixId,
          probability: s.probability,
          impacts: input.impacts,
          impact: s.impact,
          score: s.score,
          band: s.band,
          note: input.note,
          assessedById: viewer.id,
          assessedByName: viewer.name,
          ...(at ? { assessedAt: at } : {}),
        },
      });
      const current =
        input.kind === "RESIDUAL" || (input.kind === "INHERENT" && !(await tx.riskAssessment.count({ where: { riskId: risk.id, kind: "RESIDUAL" } })));
      if (current)
        await tx.risk.update({
          where: { id: risk.id },
          data: { currentProbability: s.probability, currentImpact: s.impact, currentScore: s.score, currentBand: s.band },
        });
      await recordAudit(tx, viewer, {
        action: "risk.assess",
        entityType: "risk",
        entityId: risk.id,
        after: { assessmentId: a.id, kind: input.kind, ...s, impacts: input.impacts, matrix: `${matrix.key}@${matrix.version}` },
      });
      return { id: a.id, kind: a.kind, ...s };
    },
  });
}

export type ActionRef = { id: string; version: number };

export async function createRiskAction({
  viewer,
  slug,
  riskId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  riskId: string;
  input: unknown;
}): Promise<MutationResult<ActionRef>> {
  return mutate({
    name: "createRiskAction",
    schema: actionCreateSchema,
    input,
    viewer,
    permission: "risk:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const risk = await riskUnder(tx, p.id, riskId);
      await checkUser(tx, input.ownerId, "ownerId");
      const a = await tx.riskAction.create({
        data: {
          riskId: risk.id,
          title: input.title,
          titleZh: input.titleZh ?? null,
          ownerId: input.ownerId ?? null,
          dueOn: day(input.dueOn) ?? null,
          status: input.status,
        },
      });
      await recordAudit(tx, viewer, { action: "risk.action.create", entityType: "riskAction", entityId: a.id, after: { riskId: risk.id, ...input } });
      return { id: a.id, version: a.version };
    },
  });
}

export async function updateRiskAction({
  viewer,
  slug,
  riskId,
  actionId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  riskId: string;
  actionId: string;
  input: unknown;
}): Promise<MutationResult<ActionRef>> {
  return mutate({
    name: "updateRiskAction",
    schema: actionUpdateSchema,
    input,
    viewer,
    permission: "risk:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const risk = await riskUnder(tx, p.id, riskId);
      const action = UUID.test(actionId) ? await tx.riskAction.findFirst({ where: { id: actionId, riskId: risk.id } }) : null;
      if (!action) throw new AppError("NOT_FOUND", "noSuchRiskAction");
      await checkUser(tx, input.ownerId, "ownerId");
      const { version, dueOn, ...rest } = input;
      const updated = await tx.riskAction.updateMany({ where: { id: action.id, version }, data: { ...rest, dueOn: day(dueOn), version: { increment: 1 } } });
      if (updated.count !== 1) throw new AppError("CONFLICT", "riskActionConflict", undefined, { current: { version: action.version } });
      await recordAudit(tx, viewer, {
        action: "risk.action.update",
        entityType: "riskAction",
        entityId: action.id,
        before: { status: action.status, title: action.title },
        after: { ...rest, dueOn: dueOn ?? null },
      });
      return { id: action.id, version: action.version + 1 };
    },
  });
}
