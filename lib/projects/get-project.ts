import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { fuzzyFromDb, slipDays, toIsoDay } from "../dates/fuzzy-date";
import { FACT_BASIS_ORDER, type FactBasisView, type MilestoneView, type ProjectDetail } from "./types";

/**
 * Everything the project page shows, or null for an unknown slug. Memoized per
 * request (React cache), so the page and its metadata share one query.
 */
export function getProject({ slug }: { slug: string }): Promise<ProjectDetail | null> {
  return getProjectBySlug(slug);
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

// cache() keys on argument identity: a string, not the options object.
const getProjectBySlug = cache(async (slug: string): Promise<ProjectDetail | null> => {
  const prisma = await db();
  const p = await prisma.project.findUnique({
    where: { slug },
    include: {
      milestones: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] },
      statusUpdates: {
        orderBy: [{ occurredAt: "desc" }, { recordedAt: "desc" }],
        include: {
          changes: { orderBy: { field: "asc" } },
          milestone: { select: { title: true, titleZh: true } },
          source: { select: { title: true } },
        },
      },
      quotes: {
        orderBy: { id: "asc" },
        include: { source: true, milestone: { select: { title: true, titleZh: true } } },
      },
      factBases: { include: { milestone: { select: { title: true, titleZh: true, sortOrder: true } } } },
      // Programmes are one level deep: a project has a programme or parts. (When the read
      // scope of issue 11 takes the viewer, these two relations take it too.)
      programme: { select: PROJECT_LINK },
      parts: { select: { ...PROJECT_LINK, stage: true, health: true }, orderBy: [{ nameSortKey: "asc" }, { id: "asc" }] },
    },
  });
  if (!p) return null;

  const milestones: MilestoneView[] = p.milestones.map((m) => {
    const baseline = fuzzyFromDb(m.baselineDate, m.baselinePrecision);
    const forecast = fuzzyFromDb(m.forecastDate, m.forecastPrecision);
    const actual = fuzzyFromDb(m.actualDate, m.actualPrecision);
    return {
      id: m.id,
      title: m.title,
      titleZh: m.titleZh,
      baseline,
      forecast,
      actual,
      state: m.state,
      slipDays: slipDays(baseline, actual ?? forecast),
      version: m.version,
    };
  });

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
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    milestones,
    history: p.statusUpdates.map((u) => ({
      id: u.id,
      origin: u.origin,
      authorName: u.authorName,
      occurredAt: u.occurredAt.toISOString(),
      comment: u.comment,
      milestoneTitle: u.milestone?.title ?? null,
      milestoneTitleZh: u.milestone?.titleZh ?? null,
      sourceTitle: u.source?.title ?? null,
      changes: u.changes.map((c) => ({ field: c.field, before: c.before, after: c.after })),
    })),
    programme: p.programme,
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
