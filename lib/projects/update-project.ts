import "server-only";
import type { Viewer } from "../auth/session";
import { fuzzyFromDb, normalizeFuzzy } from "../dates/fuzzy-date";
import { AppError } from "../errors";
import { encodeFuzzy } from "../history/change-values";
import { diffFields, recordChange } from "../history/record-change";
import { mutate, type MutationResult } from "../server/mutation";
import { nameSortKey } from "./name-sort-key";
import { pinyinSortKey } from "./pinyin-sort-key";
import { findWritableProject } from "./project-access";
import { commentRequiredReason, projectUpdateSchema } from "./project-update.validation";
import { getChangesSince, type ProjectState } from "./project-state";
import type { FuzzyDate } from "./types";

export type { ProjectState };

const STATE_SELECT = {
  id: true,
  slug: true,
  version: true,
  stage: true,
  health: true,
  progressPercent: true,
  forecastFinish: true,
  forecastFinishPrecision: true,
  nameEn: true,
  nameZh: true,
  summary: true,
  summaryZh: true,
} as const;

/**
 * A manager's status update: stage, health, progress, forecast finish and a
 * comment, as one transaction and one history entry. Optimistic concurrency:
 * the edit names the version it was based on; if the project moved on, nothing
 * is written and the caller gets CONFLICT with the current state and what changed.
 */
export async function updateProjectStatus({
  viewer,
  slug,
  input,
}: {
  viewer: Viewer | null;
  slug: string;
  input: unknown;
}): Promise<MutationResult<ProjectState>> {
  return mutate({
    name: "updateProjectStatus",
    schema: projectUpdateSchema,
    input,
    viewer,
    permission: "project:update",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: STATE_SELECT });
      const before = {
        stage: p.stage,
        health: p.health,
        progressPercent: p.progressPercent,
        forecastFinish: fuzzyFromDb(p.forecastFinish, p.forecastFinishPrecision),
        nameEn: p.nameEn,
        nameZh: p.nameZh,
        summary: p.summary,
        summaryZh: p.summaryZh,
      };
      if (p.version !== input.version) {
        throw new AppError("CONFLICT", "projectConflict", undefined, {
          current: { ...before, version: p.version, slug: p.slug },
          changesSince: await getChangesSince(tx, { projectId: p.id, version: input.version, viewerId: viewer.id }),
        });
      }
      const after = {
        stage: input.stage,
        health: input.health,
        progressPercent: input.progressPercent,
        forecastFinish: input.forecastFinish === undefined || input.forecastFinish === null ? input.forecastFinish : normalizeFuzzy(input.forecastFinish),
        nameEn: input.nameEn,
        nameZh: input.nameZh,
        summary: input.summary,
        summaryZh: input.summaryZh,
      };
      const changes = diffFields(before, after, (field, value) =>
        field === "forecastFinish" ? encodeFuzzy(value as FuzzyDate | null) : value === null || value === undefined ? null : String(value),
      );
      if (!changes.length) throw new AppError("BAD_REQUEST", "nothingChanged");
      const reason = commentRequiredReason(before, after);
      if (reason && !input.comment)
        throw new AppError("BAD_REQUEST", "explainChange", {
          comment: reason === "healthWorsens" ? "commentHealthWorsens" : "commentFinishSlips",
        });

      const version = p.version + 1;
      // The version in the where makes the write itself the concurrency check:
      // of two transactions that read the same version, only one updates a row.
      const written = await tx.project.updateMany({
        where: { id: p.id, version: p.version },
        data: {
          version,
          ...(after.stage ? { stage: after.stage } : {}),
          ...(after.health ? { health: after.health } : {}),
          ...(after.progressPercent !== undefined ? { progressPercent: after.progressPercent } : {}),
          ...(after.forecastFinish !== undefined
            ? {
                forecastFinish: after.forecastFinish ? new Date(`${after.forecastFinish.date}T00:00:00Z`) : null,
                forecastFinishPrecision: after.forecastFinish?.precision ?? null,
              }
            : {}),
          ...(after.nameEn !== undefined ? { nameEn: after.nameEn, nameSortKey: nameSortKey(after.nameEn) } : {}),
          ...(after.nameZh !== undefined ? { nameZh: after.nameZh } : {}),
          // The zh-CN sort key follows whichever name zh-CN shows.
          ...(after.nameEn !== undefined || after.nameZh !== undefined
            ? { nameSortKeyZh: pinyinSortKey((after.nameZh !== undefined ? after.nameZh : before.nameZh) ?? after.nameEn ?? before.nameEn) }
            : {}),
          ...(after.summary !== undefined ? { summary: after.summary } : {}),
          ...(after.summaryZh !== undefined ? { summaryZh: after.summaryZh } : {}),
        },
      });
      if (written.count !== 1) throw new AppError("CONFLICT", "projectRace");
      await recordChange(tx, { projectId: p.id, viewer, comment: input.comment, version, changes });
      return {
        slug: p.slug,
        version,
        stage: after.stage ?? before.stage,
        health: after.health ?? before.health,
        progressPercent: after.progressPercent !== undefined ? after.progressPercent : before.progressPercent,
        forecastFinish: after.forecastFinish !== undefined ? after.forecastFinish : before.forecastFinish,
        nameEn: after.nameEn ?? before.nameEn,
        nameZh: after.nameZh !== undefined ? after.nameZh : before.nameZh,
        summary: after.summary ?? before.summary,
        summaryZh: after.summaryZh !== undefined ? after.summaryZh : before.summaryZh,
      };
    },
  });
}
