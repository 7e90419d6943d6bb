import "server-only";
import { cache } from "react";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { fuzzyFromDb, toIsoDay } from "../dates/fuzzy-date";
import { historyEntrySelect, toHistoryEntry } from "../history/history-entry";
import { toMilestoneView } from "../milestones/milestone-view";
import { readScopeOf, scopeWhere, type ReadScope } from "./project-scope";
import type { MilestoneView, ProjectDetail } from "./types";

/**
 * Everything the project page shows, or null for an unknown slug or a project
 * outside the viewer's scope (the same answer: 404). Memoized per request
 * (React cache), so the page and its metadata share one query.
 */
export function getProject({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectDetail | null> {
  return getProjectBySlug(slug, JSON.stringify(readScopeOf(viewer)));
}

// cache() keys on argument identity: strings, not the options object.
const getProjectBySlug = cache(async (slug: string, scopeKey: string): Promise<ProjectDetail | null> => {
  const prisma = await db();
  const p = await prisma.project.findFirst({
    where: { AND: [{ slug }, scopeWhere(JSON.parse(scopeKey) as ReadScope)] },
    include: {
      orgUnit: { select: { code: true, nameEn: true, nameZh: true, path: true } },
      milestones: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] },
      statusUpdates: {
        orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
        select: historyEntrySelect,
      },
      quotes: {
        orderBy: { id: "asc" },
        include: { source: true, milestone: { select: { title: true, titleZh: true } } },
      },
    },
  });
  if (!p) return null;

  const milestones: MilestoneView[] = p.milestones.map(toMilestoneView);

  return {
    id: p.id,
    slug: p.slug,
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    summary: p.summary,
    summaryZh: p.summaryZh,
    kind: p.kind,
    businessLine: p.businessLine,
    commodities: p.commodities,
    region: p.region,
    countryCode: p.countryCode,
    subdivision: p.subdivision,
    latitude: p.latitude === null ? null : Number(p.latitude),
    longitude: p.longitude === null ? null : Number(p.longitude),
    stage: p.stage,
    health: p.health,
    progressPercent: p.progressPercent,
    plannedStart: fuzzyFromDb(p.plannedStart, p.plannedStartPrecision),
    plannedFinish: fuzzyFromDb(p.plannedFinish, p.plannedFinishPrecision),
    forecastFinish: fuzzyFromDb(p.forecastFinish, p.forecastFinishPrecision),
    actualFinish: fuzzyFromDb(p.actualFinish, p.actualFinishPrecision),
    operatingCompany: p.operatingCompany,
    orgUnit: p.orgUnit,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    milestones,
    history: p.statusUpdates.map(toHistoryEntry),
    quotes: p.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      supports: q.supports,
      milestoneTitle: q.milestone?.title ?? null,
      source: {
        title: q.source.title,
        publisher: q.source.publisher,
        publishedOn: toIsoDay(q.source.publishedOn),
        url: q.source.url,
      },
    })),
  };
});
