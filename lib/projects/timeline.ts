import "server-only";
import { db } from "../db/client";
import { fuzzyFromDb } from "../dates/fuzzy-date";
import { toMilestoneView } from "../milestones/milestone-view";
import type { ProjectListParams } from "./list-params";
import { countProjects, selectProjectRows } from "./list-projects";
import type { WhereOptions } from "./project-where";
import type { TimelineProject } from "./timeline-types";

/**
 * The timeline of the filtered projects: the list's page (same filters, sort
 * and paging, so the timeline and the table show the same projects), each
 * with its baseline, forecast and actual dates and all its milestones.
 */
export async function listTimeline(opts: { params: ProjectListParams; where: WhereOptions }): Promise<{ rows: TimelineProject[]; total: number }> {
  const { params } = opts;
  const [page, total] = await Promise.all([
    selectProjectRows({ params, limit: params.pageSize, offset: (params.page - 1) * params.pageSize, where: opts.where }),
    countProjects({ params, where: opts.where }),
  ]);
  if (!page.length) return { rows: [], total };
  const prisma = await db();
  const details = await prisma.project.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    select: {
      id: true,
      plannedStart: true,
      plannedStartPrecision: true,
      plannedFinish: true,
      plannedFinishPrecision: true,
      actualFinish: true,
      actualFinishPrecision: true,
      milestones: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          title: true,
          titleZh: true,
          state: true,
          version: true,
          baselineDate: true,
          baselinePrecision: true,
          forecastDate: true,
          forecastPrecision: true,
          actualDate: true,
          actualPrecision: true,
        },
      },
    },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = page.flatMap((r): TimelineProject[] => {
    const d = byId.get(r.id);
    if (!d) return [];
    return [
      {
        slug: r.slug,
        nameEn: r.nameEn,
        nameZh: r.nameZh,
        health: r.health,
        stage: r.stage,
        start: fuzzyFromDb(d.plannedStart, d.plannedStartPrecision),
        baselineFinish: fuzzyFromDb(d.plannedFinish, d.plannedFinishPrecision),
        forecastFinish: r.forecastFinish,
        actualFinish: fuzzyFromDb(d.actualFinish, d.actualFinishPrecision),
        milestones: d.milestones.map(toMilestoneView),
      },
    ];
  });
  return { rows, total };
}
