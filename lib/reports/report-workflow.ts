import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Viewer } from "../auth/session";
import type { Prisma } from "../db/generated/client";
import type { ReportState } from "../db/generated/enums";
import { AppError } from "../errors";
import { emitWebhookEvent, notifyUsers } from "../notifications/notify";
import { findWritableProject } from "../projects/project-access";
import { projectReadScope } from "../projects/project-scope";
import { mutate, type MutationContext, type MutationResult } from "../server/mutation";
import { contentHash } from "./hash";
import { periodBounds } from "./periods";
import { holdersOver } from "./reminders";
import { actionAllowedFrom, REPORT_ACTIONS, type ReportAction } from "./report-states";
import {
  createDraftSchema,
  emptyNarrative,
  publishSchema,
  returnSchema,
  saveNarrativeSchema,
  submitSchema,
  supersedeSchema,
  type Narrative,
} from "./report.validation";
import { captureSnapshot, snapshotChanges, snapshotFigures, type Snapshot } from "./snapshot/capture";
import type { OverviewData } from "./snapshot/overview";
import type { ReportChange } from "./snapshot/types";

export interface ReportRef {
  id: string;
  state: ReportState;
  version: number;
  reportVersion: number;
  periodId: string;
  slug: string;
}

const refSelect = { id: true, state: true, version: true, reportVersion: true, periodId: true, project: { select: { slug: true } } } as const;
type RefRow = Prisma.StatusReportGetPayload<{ select: typeof refSelect }>;
const toRef = (r: RefRow): ReportRef => ({
  id: r.id,
  state: r.state,
  version: r.version,
  reportVersion: r.reportVersion,
  periodId: r.periodId,
  slug: r.project.slug,
});

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Ensures the period's row exists (periods are created on first use). */
async function ensurePeriod(tx: Prisma.TransactionClient, periodId: string): Promise<void> {
  const { startsOn, endsOn } = periodBounds(periodId);
  await tx.reportingPeriod.upsert({ where: { id: periodId }, create: { id: periodId, startsOn, endsOn }, update: {} });
}

/**
 * Loads the report for an action: within the reader's scope, then the
 * writer's (a manager only on the projects they manage), then checks the
 * state machine. Refused transitions are CONFLICTs and change nothing.
 */
async function loadForAction(ctx: MutationContext<unknown>, reportId: string, action: ReportAction) {
  const { tx, viewer, grant } = ctx;
  const report = isUuid(reportId)
    ? await tx.statusReport.findFirst({
        where: { id: reportId, project: projectReadScope(viewer) },
        include: {
          project: { select: { id: true, slug: true, nameEn: true, nameZh: true, orgUnit: { select: { path: true } } } },
          period: { select: { closedAt: true } },
        },
      })
    : null;
  if (!report) throw new AppError("NOT_FOUND", "reportNotFound");
  await findWritableProject(tx, { slug: report.project.slug, viewer, grant, select: { id: true } });
  if (!actionAllowedFrom(action, report.state))
    throw new AppError("CONFLICT", { key: "reportStateRefuses", params: { state: report.state, action } }, undefined, { state: report.state });
  if (report.period.closedAt && !allowedInClosedPeriod(action, report.supersedesId !== null)) throw periodClosed(report.periodId);
  return report;
}

/**
 * After the group closes a period (docs/decisions/0073) only corrections move
 * forward; a first report may still be returned (that publishes nothing) or
 * corrected once published. The database trigger refuses the same.
 */
export function allowedInClosedPeriod(action: ReportAction, isCorrection: boolean): boolean {
  return isCorrection || action === "return" || action === "supersede";
}

const periodClosed = (periodId: string) => new AppError("CONFLICT", "periodClosed", undefined, { periodId });

/** Updates the report if it is still at the version and in a state the action allows; else CONFLICT. */
async function transition(
  tx: Prisma.TransactionClient,
  report: { id: string; version: number },
  expectedVersion: number,
  action: ReportAction,
  data: Prisma.StatusReportUpdateManyMutationInput,
): Promise<void> {
  if (report.version !== expectedVersion) throw new AppError("CONFLICT", "reportChanged");
  const r = await tx.statusReport.updateMany({
    where: { id: report.id, version: expectedVersion, state: { in: [...REPORT_ACTIONS[action].from] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (r.count !== 1) throw new AppError("CONFLICT", "reportChanged");
}

async function managersOf(tx: Prisma.TransactionClient, projectId: string): Promise<string[]> {
  return (await tx.projectManager.findMany({ where: { projectId }, select: { userId: true } })).map((m) => m.userId);
}

const reportLink = (slug: string, reportId: string) => `/projects/${slug}/reports/${reportId}`;

/** Starts the period's report for a project: a draft pre-filled from the current data. */
export function createReportDraft({ viewer, slug, input }: { viewer: Viewer | null; slug: string; input: unknown }): Promise<MutationResult<ReportRef>> {
  return mutate({
    name: "createReportDraft",
    schema: createDraftSchema,
    input,
    viewer,
    permission: "report:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const project = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, slug: true } });
      await ensurePeriod(tx, input.periodId);
      const period = await tx.reportingPeriod.findUniqueOrThrow({ where: { id: input.periodId }, select: { closedAt: true } });
      if (period.closedAt) throw periodClosed(input.periodId);
      const existing = await tx.statusReport.findFirst({
        where: { projectId: project.id, periodId: input.periodId },
        orderBy: { reportVersion: "desc" },
        select: refSelect,
      });
      if (existing)
        throw new AppError("CONFLICT", { key: "reportExistsForPeriod", params: { period: input.periodId } }, undefined, { report: toRef(existing) });
      const snapshot = await captureSnapshot(tx, { ...project, periodId: input.periodId });
      const created = await tx.statusReport.create({
        data: {
          projectId: project.id,
          periodId: input.periodId,
          narrative: emptyNarrative(),
          snapshot: snapshot as Prisma.InputJsonValue,
          createdById: viewer.id,
          createdByName: viewer.name,
        },
        select: refSelect,
      });
      await recordAudit(tx, viewer, {
        action: "report.create",
        entityType: "StatusReport",
        entityId: created.id,
        after: { state: "DRAFT", periodId: input.periodId, project: slug },
      });
      return toRef(created);
    },
  });
}

/** Saves the narrative of a draft or returned report (and refreshes its pre-filled data). */
export function saveReportNarrative({
  viewer,
  reportId,
  input,
}: {
  viewer: Viewer | null;
  reportId: string;
  input: unknown;
}): Promise<MutationResult<ReportRef>> {
  return mutate({
    name: "saveReportNarrative",
    schema: saveNarrativeSchema,
    input,
    viewer,
    permission: "report:edit",
    run: async (ctx) => {
      const { tx, viewer, input } = ctx;
      const report = await loadForAction(ctx, reportId, "edit");
      const snapshot = await captureSnapshot(tx, { ...report.project, periodId: report.periodId });
      await transition(tx, report, input.version, "edit", { narrative: input.narrative, snapshot: snapshot as Prisma.InputJsonValue });
      await recordAudit(tx, viewer, {
        action: "report.edit",
        entityType: "StatusReport",
        entityId: report.id,
        before: { narrative: report.narrative as Prisma.InputJsonValue },
        after: { narrative: input.narrative },
      });
      return toRef(await tx.statusReport.findUniqueOrThrow({ where: { id: report.id }, select: refSelect }));
    },
  });
}

/** Submits for review: the snapshot is taken now (what the manager attests to) and frozen if published. */
export function submitReport({ viewer, reportId, input }: { viewer: Viewer | null; reportId: string; input: unknown }): Promise<MutationResult<ReportRef>> {
  return mutate({
    name: "submitReport",
    schema: submitSchema,
    input,
    viewer,
    permission: "report:submit",
    run: async (ctx) => {
      const { tx, viewer, input } = ctx;
      const report = await loadForAction(ctx, reportId, "submit");
      const snapshot = await captureSnapshot(tx, { ...report.project, periodId: report.periodId });
      await transition(tx, report, input.version, "submit", {
        state: "SUBMITTED",
        snapshot: snapshot as Prisma.InputJsonValue,
        submittedAt: new Date(),
        submittedByName: viewer.name,
      });
      await recordAudit(tx, viewer, {
        action: "report.submit",
        entityType: "StatusReport",
        entityId: report.id,
        before: { state: report.state },
        after: { state: "SUBMITTED" },
      });
      // The unit's PMO: whoever holds pmo on the project's unit or above it.
      const reviewers = await holdersOver(tx, report.project.orgUnit.path, ["pmo"]);
      await notifyUsers(tx, {
        userIds: reviewers,
        kind: "reportSubmitted",
        params: projectParams(report),
        link: reportLink(report.project.slug, report.id),
        email: false,
      });
      return toRef(await tx.statusReport.findUniqueOrThrow({ where: { id: report.id }, select: refSelect }));
    },
  });
}

/** Returns a submitted report to its manager, saying why. */
export function returnReport({ viewer, reportId, input }: { viewer: Viewer | null; reportId: string; input: unknown }): Promise<MutationResult<ReportRef>> {
  return mutate({
    name: "returnReport",
    schema: returnSchema,
    input,
    viewer,
    permission: "report:return",
    run: async (ctx) => {
      const { tx, viewer, input } = ctx;
      const report = await loadForAction(ctx, reportId, "return");
      await transition(tx, report, input.version, "return", {
        state: "RETURNED",
        returnComment: input.comment,
        returnedAt: new Date(),
        returnedByName: viewer.name,
      });
      await recordAudit(tx, viewer, {
        action: "report.return",
        entityType: "StatusReport",
        entityId: report.id,
        before: { state: report.state },
        after: { state: "RETURNED" },
        reason: input.comment,
      });
      await notifyUsers(tx, {
        userIds: await managersOf(tx, report.projectId),
        kind: "reportReturned",
        params: { ...projectParams(report), comment: input.comment },
        link: reportLink(report.project.slug, report.id),
        email: true,
      });
      return toRef(await tx.statusReport.findUniqueOrThrow({ where: { id: report.id }, select: refSelect }));
    },
  });
}

/**
 * Publishes: computes what changed since the project's last published report,
 * writes the typed figures and the content hash, and freezes the row (the
 * database refuses any later UPDATE or DELETE). Followers and managers are told.
 */
export function publishReport({ viewer, reportId, input }: { viewer: Viewer | null; reportId: string; input: unknown }): Promise<MutationResult<ReportRef>> {
  return mutate({
    name: "publishReport",
    schema: publishSchema,
    input,
    viewer,
    permission: "report:publish",
    run: async (ctx) => {
      const { tx, viewer, input } = ctx;
      const report = await loadForAction(ctx, reportId, "publish");
      if (report.version !== input.version) throw new AppError("CONFLICT", "reportChanged");
      const snapshot = (report.snapshot ?? {}) as Snapshot;
      const previous = await previousPublished(tx, report);
      const changes = snapshotChanges((previous?.snapshot ?? null) as Snapshot | null, snapshot);
      const narrative = report.narrative as Narrative;
      const hash = contentHash({ snapshot, narrative, changes, periodId: report.periodId, project: report.project.slug, reportVersion: report.reportVersion });
      // Figures first: once the row is PUBLISHED the trigger refuses new figures too.
      const figures = snapshotFigures(snapshot);
      if (figures.length)
        await tx.reportFigure.createMany({ data: figures.map((f) => ({ reportId: report.id, key: f.key, value: f.value, currency: f.currency })) });
      const overview = snapshot.overview as OverviewData | undefined;
      await transition(tx, report, input.version, "publish", {
        state: "PUBLISHED",
        changes: changes as unknown as Prisma.InputJsonValue,
        changeCount: changes.length,
        contentHash: hash,
        publishedAt: new Date(),
        publishedByName: viewer.name,
        businessLine: overview?.businessLine ?? null,
        health: overview?.health ?? null,
        stage: overview?.stage ?? null,
        progressPercent: overview?.progressPercent ?? null,
        forecastFinish: overview?.forecastFinish ? new Date(`${overview.forecastFinish.date}T00:00:00Z`) : null,
      });
      await recordAudit(tx, viewer, {
        action: "report.publish",
        entityType: "StatusReport",
        entityId: report.id,
        before: { state: report.state },
        after: { state: "PUBLISHED", contentHash: hash, changes: changes.length },
      });
      const followers = (await tx.projectFollower.findMany({ where: { projectId: report.projectId }, select: { userId: true } })).map((f) => f.userId);
      const link = reportLink(report.project.slug, report.id);
      await notifyUsers(tx, {
        userIds: [...followers, ...(await managersOf(tx, report.projectId))],
        kind: "reportPublished",
        params: { ...projectParams(report), changes: changes.length },
        link,
        email: true,
      });
      await emitWebhookEvent(
        tx,
        "report.published",
        {
          reportId: report.id,
          project: report.project.slug,
          periodId: report.periodId,
          reportVersion: report.reportVersion,
          contentHash: hash,
          changes: changes as unknown as Prisma.InputJsonValue,
        },
        `report.published:${report.id}`,
      );
      return toRef(await tx.statusReport.findUniqueOrThrow({ where: { id: report.id }, select: refSelect }));
    },
  });
}

/** Starts a correction of a published report: a new draft version that will supersede it. */
export function supersedeReport({ viewer, reportId, input }: { viewer: Viewer | null; reportId: string; input: unknown }): Promise<MutationResult<ReportRef>> {
  return mutate({
    name: "supersedeReport",
    schema: supersedeSchema,
    input,
    viewer,
    permission: "report:edit",
    run: async (ctx) => {
      const { tx, viewer, input } = ctx;
      const report = await loadForAction(ctx, reportId, "supersede");
      const newer = await tx.statusReport.findFirst({
        where: { projectId: report.projectId, periodId: report.periodId, reportVersion: { gt: report.reportVersion } },
        select: { id: true },
      });
      if (newer) throw new AppError("CONFLICT", "reportNewerExists");
      const snapshot = await captureSnapshot(tx, { ...report.project, periodId: report.periodId });
      const created = await tx.statusReport.create({
        data: {
          projectId: report.projectId,
          periodId: report.periodId,
          reportVersion: report.reportVersion + 1,
          supersedesId: report.id,
          supersedeReason: input.reason,
          narrative: report.narrative as Prisma.InputJsonValue,
          snapshot: snapshot as Prisma.InputJsonValue,
          createdById: viewer.id,
          createdByName: viewer.name,
        },
        select: refSelect,
      });
      await recordAudit(tx, viewer, {
        action: "report.supersede",
        entityType: "StatusReport",
        entityId: created.id,
        before: { supersedes: report.id },
        after: { state: "DRAFT", reportVersion: created.reportVersion },
        reason: input.reason,
      });
      return toRef(created);
    },
  });
}

/**
 * The report "what changed" compares with: the project's latest published
 * report of an earlier period (a correction compares with the same one as the
 * report it replaces).
 */
async function previousPublished(tx: Prisma.TransactionClient, report: { projectId: string; periodId: string }): Promise<{ snapshot: unknown } | null> {
  return tx.statusReport.findFirst({
    where: { projectId: report.projectId, state: "PUBLISHED", periodId: { lt: report.periodId } },
    orderBy: [{ periodId: "desc" }, { reportVersion: "desc" }],
    select: { snapshot: true },
  });
}

function projectParams(report: { periodId: string; project: { slug: string; nameEn: string; nameZh: string | null } }) {
  return { project: report.project.nameEn, projectZh: report.project.nameZh, slug: report.project.slug, period: report.periodId };
}

export type { ReportChange };
