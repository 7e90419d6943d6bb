import "server-only";
import type { Viewer } from "../auth/session";
import { normalizeFuzzy } from "../dates/fuzzy-date";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { encodeFuzzy } from "../history/change-values";
import { diffFields, recordChange } from "../history/record-change";
import { findWritableProject } from "../projects/project-access";
import { projectWriteScope } from "../projects/project-scope";
import type { MilestoneView } from "../projects/types";
import { mutate, type MutationResult } from "../server/mutation";
import { milestoneCreateSchema, milestoneEditRules, milestoneUpdateSchema } from "./milestone.validation";
import { toMilestoneView } from "./milestone-view";
import type { FuzzyDate } from "../projects/types";
import { getChangesSince } from "../projects/project-state";

type DateField = "baseline" | "forecast" | "actual";
const DATE_FIELDS: DateField[] = ["baseline", "forecast", "actual"];

function dbDate(f: FuzzyDate | null | undefined) {
  if (f === undefined) return undefined;
  return f ? new Date(`${normalizeFuzzy(f).date}T00:00:00Z`) : null;
}

function dateColumns(input: Partial<Record<DateField, FuzzyDate | null>>): Prisma.MilestoneUncheckedUpdateInput {
  const data: Record<string, unknown> = {};
  for (const f of DATE_FIELDS) {
    if (input[f] === undefined) continue;
    data[`${f}Date`] = dbDate(input[f]);
    data[`${f}Precision`] = input[f]?.precision ?? null;
  }
  return data;
}

type MilestoneRow = Prisma.MilestoneGetPayload<object>;

const toView: (m: MilestoneRow) => MilestoneView = toMilestoneView;

const encode = (field: string, value: unknown): string | null =>
  DATE_FIELDS.includes(field as DateField) ? encodeFuzzy(value as FuzzyDate | null) : value === null || value === undefined ? null : String(value);

/** Adds a milestone to a project (one transaction, one history entry). */
export async function createMilestone({
  viewer,
  slug,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  input: unknown;
}): Promise<MutationResult<MilestoneView>> {
  return mutate({
    name: "createMilestone",
    schema: milestoneCreateSchema,
    input,
    viewer,
    permission: "milestone:create",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const last = await tx.milestone.aggregate({ where: { projectId: p.id }, _max: { sortOrder: true } });
      const m = await tx.milestone.create({
        data: {
          projectId: p.id,
          title: input.title,
          titleZh: input.titleZh ?? null,
          state: input.state,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
          ...(dateColumns(input) as object),
        },
      });
      const values = {
        title: input.title,
        titleZh: input.titleZh ?? null,
        state: input.state,
        baseline: input.baseline ?? null,
        forecast: input.forecast ?? null,
        actual: input.actual ?? null,
      };
      const changes = diffFields<Record<string, unknown>>(
        { title: null, titleZh: null, state: null, baseline: null, forecast: null, actual: null },
        values,
        encode,
      ).map((c) => ({
        ...c,
        field: `milestone.${c.field}`,
      }));
      await tx.project.update({ where: { id: p.id }, data: { updatedAt: new Date() } });
      await recordChange(tx, { projectId: p.id, milestoneId: m.id, viewer, comment: input.comment, version: m.version, changes });
      return toView(m);
    },
  });
}

/**
 * Edits a milestone: title, forecast, actual, state (achieve, cancel, miss).
 * Changing the baseline is a re-baseline: admin only, with a reason; the old
 * baseline stays in history. Optimistic concurrency on the milestone's version.
 */
export async function updateMilestone({
  viewer,
  slug,
  milestoneId,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  milestoneId: string;
  input: unknown;
}): Promise<MutationResult<MilestoneView>> {
  return mutate({
    name: "updateMilestone",
    schema: milestoneUpdateSchema,
    input,
    viewer,
    permission: "milestone:update",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      // The milestone is looked up under its project: an id from another project is not found.
      const m = /^[0-9a-f-]{36}$/i.test(milestoneId) ? await tx.milestone.findFirst({ where: { id: milestoneId, projectId: p.id } }) : null;
      if (!m) throw new AppError("NOT_FOUND", "noSuchMilestone");
      const current = toView(m);
      if (m.version !== input.version)
        throw new AppError("CONFLICT", "milestoneConflict", undefined, {
          current,
          changesSince: await getChangesSince(tx, { projectId: p.id, milestoneId: m.id, version: input.version, viewerId: viewer.id }),
        });

      const next = {
        title: input.title,
        titleZh: input.titleZh,
        state: input.state,
        baseline: input.baseline === undefined || input.baseline === null ? input.baseline : normalizeFuzzy(input.baseline),
        forecast: input.forecast === undefined || input.forecast === null ? input.forecast : normalizeFuzzy(input.forecast),
        actual: input.actual === undefined || input.actual === null ? input.actual : normalizeFuzzy(input.actual),
      };
      const before = { title: m.title, titleZh: m.titleZh, state: m.state, baseline: current.baseline, forecast: current.forecast, actual: current.actual };
      const changes = diffFields(before as Record<string, unknown>, next, encode);
      if (!changes.length) throw new AppError("BAD_REQUEST", "nothingChanged");

      const rebaseline = changes.some((c) => c.field === "baseline");
      if (rebaseline && !(await tx.project.count({ where: { AND: [{ id: p.id }, projectWriteScope(viewer, "milestone:rebaseline")] } })))
        throw new AppError("FORBIDDEN", "rebaselineAdminOnly", { baseline: "onlyAdminRebaseline" });
      const rules = milestoneEditRules({ state: m.state, forecast: current.forecast, actual: current.actual }, { ...next, rebaseline, comment: input.comment });
      if (rules.commentMissing && rules.commentReason === "rebaseline")
        throw new AppError("BAD_REQUEST", "giveRebaselineReason", { comment: "reasonRebaseline" });
      if (rules.commentMissing) throw new AppError("BAD_REQUEST", "explainChange", { comment: "commentForecastSlips" });
      if (rules.actualMissing) throw new AppError("BAD_REQUEST", "actualRequired", { actual: "enterActualDate" });

      const version = m.version + 1;
      const written = await tx.milestone.updateMany({
        where: { id: m.id, version: m.version },
        data: {
          version,
          ...(next.title !== undefined ? { title: next.title } : {}),
          ...(next.titleZh !== undefined ? { titleZh: next.titleZh } : {}),
          ...(next.state !== undefined ? { state: next.state } : {}),
          ...(dateColumns(next) as object),
        },
      });
      if (written.count !== 1) throw new AppError("CONFLICT", "milestoneRace");
      await tx.project.update({ where: { id: p.id }, data: { updatedAt: new Date() } });
      await recordChange(tx, {
        projectId: p.id,
        milestoneId: m.id,
        viewer,
        comment: input.comment,
        version,
        changes: changes.map((c) => ({ ...c, field: `milestone.${c.field}` })),
      });
      return toView(await tx.milestone.findUniqueOrThrow({ where: { id: m.id } }));
    },
  });
}
