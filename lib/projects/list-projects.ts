import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { fuzzyFromDb } from "../dates/fuzzy-date";
import { projectWhere } from "./project-where";
import type { ProjectListParams, SortKey } from "./list-params";
import type { FilterOptions, ListResult, ProjectRow } from "./types";

const ORDER: Record<SortKey, (dir: Prisma.SortOrder) => Prisma.ProjectOrderByWithRelationInput[]> = {
  name: (dir) => [{ nameSortKey: dir }],
  region: (dir) => [{ region: { sort: dir, nulls: "last" } }, { nameSortKey: "asc" }],
  country: (dir) => [{ countryCode: { sort: dir, nulls: "last" } }, { nameSortKey: "asc" }],
  businessLine: (dir) => [{ businessLine: dir }, { nameSortKey: "asc" }],
  stage: (dir) => [{ stage: dir }, { nameSortKey: "asc" }],
  health: (dir) => [{ health: dir }, { nameSortKey: "asc" }],
  progress: (dir) => [{ progressPercent: { sort: dir, nulls: "last" } }, { nameSortKey: "asc" }],
  updated: (dir) => [{ updatedAt: dir }, { nameSortKey: "asc" }],
};

/** One page of projects matching the filters, with the total; count and rows run in parallel. */
export async function listProjects(params: ProjectListParams): Promise<ListResult<ProjectRow>> {
  const prisma = await db();
  const where = projectWhere(params);
  const [total, projects] = await Promise.all([
    prisma.project.count({ where }),
    prisma.project.findMany({
      where,
      orderBy: [...ORDER[params.sort](params.dir), { id: "asc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        slug: true,
        nameEn: true,
        nameZh: true,
        region: true,
        countryCode: true,
        businessLine: true,
        stage: true,
        health: true,
        progressPercent: true,
        updatedAt: true,
        milestones: {
          where: { state: "PLANNED" },
          orderBy: [{ forecastDate: { sort: "asc", nulls: "last" } }, { baselineDate: { sort: "asc", nulls: "last" } }, { sortOrder: "asc" }],
          take: 1,
          select: { title: true, forecastDate: true, forecastPrecision: true, baselineDate: true, baselinePrecision: true },
        },
      },
    }),
  ]);
  const rows: ProjectRow[] = projects.map(({ milestones, updatedAt, ...p }) => {
    const next = milestones[0];
    const due = next
      ? (fuzzyFromDb(next.forecastDate, next.forecastPrecision) ?? fuzzyFromDb(next.baselineDate, next.baselinePrecision))
      : null;
    return {
      ...p,
      nextMilestone: next && due ? { title: next.title, due } : null,
      updatedAt: updatedAt.toISOString(),
    };
  });
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** Values the filters can offer: the countries present in the portfolio. */
export async function listFilterOptions(): Promise<FilterOptions> {
  const prisma = await db();
  const countries = await prisma.project.groupBy({
    by: ["countryCode", "region"],
    where: { countryCode: { not: null } },
    orderBy: { countryCode: "asc" },
  });
  return { countries: countries.map((c) => ({ code: c.countryCode!, region: c.region })) };
}
