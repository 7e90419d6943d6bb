import "server-only";
import { cache } from "react";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { fuzzyFromDb, toIsoDay } from "../dates/fuzzy-date";
import { historyEntrySelect, toHistoryEntry } from "../history/history-entry";
import { toMilestoneView } from "../milestones/milestone-view";
import { readScopeOf, scopeWhere, type ReadScope } from "./project-scope";
import { FACT_BASIS_ORDER, type FactBasisView, type MilestoneView, type ProjectDetail } from "./types";

/**
 * Everything the project page shows, or null for an unknown slug or a project
 * outside the viewer's scope (the same answer: 404). Memoized per request
 * (React cache), so the page and its metadata share one query.
 */
export function getProject({ slug, viewer }: { slug: string; viewer: Viewer | null }): Promise<ProjectDetail | null> {
  return getProjectBySlug(slug, JSON.stringify(readScopeOf(viewer)));
}

const PROJECT_LINK = { slug: true, nameEn: true, nameZh: true } as const;

/** Bases in the order of the facts on the page (FACT_BASIS_ORDER), milestones in their order. */
function sortBases(bases: (FactBasisView & { milestoneOrder: number })[]): FactBasisView[] {
  const rank = (fact: string) => {
    const i = (FACT_BASIS_ORDER as readonly string[]).indexOf(fact);
    return i === -1 ? FACT_BASIS_ORDER.length : i;
  };
  return bases
    .sort((a, b) => rank(a.fact) - rank(b.fact) || a.milestoneOrder - b.milestoneOrder)
    .map((b) => ({ fact: b.fact, kind: b.kind, note: b.note, milestoneTitle: b.milestoneTitle, milestoneTitleZh: b.milestoneTitleZh }));
}

// cache() keys on argument identity: strings, not the options object.
const getProjectBySlug = cache(async (slug: string, scopeKey: string): Promise<ProjectDetail | null> => {
  const prisma = await db();
  const scope = scopeWhere(JSON.parse(scopeKey) as ReadScope);
  const p = await prisma.project.findFirst({
    where: { AND: [{ slug }, scope] },
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
      factBases: { include: { milestone: { select: { title: true, titleZh: true, sortOrder: true } } } },
      // Programmes are one level deep: a project has a programme or parts. Parts outside the
      // reader's scope are not listed; a programme outside it is not named (one-to-one: filtered after).
      programme: { select: { ...PROJECT_LINK, id: true } },
      parts: { where: scope, select: { ...PROJECT_LINK, stage: true, health: true }, orderBy: [{ nameSortKey: "asc" }, { id: "asc" }] },
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
    programme:
      p.programme && (await prisma.project.count({ where: { AND: [{ id: p.programme.id }, scope] } }))
        ? { slug: p.programme.slug, nameEn: p.programme.nameEn, nameZh: p.programme.nameZh }
        : null,
    parts: p.parts,
    bases: sortBases(
      p.factBases.map((b) => ({
        fact: b.fact,
        kind: b.kind,
        note: b.note,
        milestoneTitle: b.milestone?.title ?? null,
        milestoneTitleZh: b.milestone?.titleZh ?? null,
        milestoneOrder: b.milestone?.sortOrder ?? 0,
      })),
    ),
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
