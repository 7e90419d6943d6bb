import { randomUUID } from "node:crypto";
import { SOURCE_IMPORT_AUTHOR } from "../history/import-author";
import { bulkInsert } from "./bulk-insert";
import { analyzeTables } from "./planner-statistics";
import { encodeFuzzy } from "../history/change-values";
import { nameSortKey } from "../projects/name-sort-key";
import { pinyinSortKey } from "../projects/pinyin-sort-key";
import { regionOfCountry } from "../projects/regions";
import type { FuzzyDate } from "../projects/types";
import type { Prisma, PrismaClient } from "./generated/client";
import { factBasisRows } from "./seed-basis";
import { ensureOrgUnits, rootUnitId } from "./seed-org-units";
import type { SeedOrgUnit, SeedPortfolio, SeedProject } from "./seed-types";

/**
 * Writes seed data (the real portfolio, synthetic portfolios, test factories)
 * into the database. Every fact becomes history: one import entry for the
 * project's status and one per milestone, dated by the source.
 */
export interface LoadResult {
  projects: number;
  milestones: number;
  updates: number;
}

interface Rows {
  projects: Prisma.ProjectCreateManyInput[];
  milestones: Prisma.MilestoneCreateManyInput[];
  quotes: Prisma.SourceQuoteCreateManyInput[];
  updates: Prisma.StatusUpdateCreateManyInput[];
  changes: Prisma.FieldChangeCreateManyInput[];
  bases: Prisma.FactBasisCreateManyInput[];
  // ids are set here, not by the database: the rows reference each other before insertion
}

/** Project facts an import's history entry can set, and how each is recorded. */
const PROJECT_FACTS: Record<string, { field: string; value: (p: SeedProject) => string | null }> = {
  stage: { field: "stage", value: (p) => p.stage },
  health: { field: "health", value: (p) => p.health },
  progress: { field: "progressPercent", value: (p) => p.progressPercent?.toString() ?? null },
  country: { field: "countryCode", value: (p) => p.countryCode ?? null },
  countryCode: { field: "countryCode", value: (p) => p.countryCode ?? null },
  subdivision: { field: "subdivision", value: (p) => p.subdivision ?? null },
  operatingCompany: { field: "operatingCompany", value: (p) => p.operatingCompany ?? null },
  plannedFinish: { field: "plannedFinish", value: (p) => encodeFuzzy(p.plannedFinish) },
  forecastFinish: { field: "forecastFinish", value: (p) => encodeFuzzy(p.forecastFinish) },
  actualFinish: { field: "actualFinish", value: (p) => encodeFuzzy(p.actualFinish) },
};

const day = (f: FuzzyDate | undefined) => (f ? new Date(`${f.date}T00:00:00Z`) : null);

function projectRows(p: SeedProject, ids: Map<string, string>, sourceId: string | null, author: string, rows: Rows, orgUnitId: string): void {
  const projectId = ids.get(p.slug)!;
  const programmeId = p.programme === undefined ? null : ids.get(p.programme);
  if (programmeId === undefined) throw new Error(`${p.slug}: unknown programme ${p.programme}`);
  const lastUpdate = p.history.reduce((max, h) => (h.occurredAt > max ? h.occurredAt : max), "");
  rows.projects.push({
    id: projectId,
    slug: p.slug,
    nameEn: p.nameEn,
    nameZh: p.nameZh ?? null,
    nameSortKey: nameSortKey(p.nameEn),
    nameSortKeyZh: pinyinSortKey(p.nameZh ?? p.nameEn),
    summary: p.summary,
    summaryZh: p.summaryZh ?? null,
    kind: p.kind,
    businessLine: p.businessLine,
    commodities: p.commodities,
    region: regionOfCountry(p.countryCode),
    countryCode: p.countryCode ?? null,
    subdivision: p.subdivision ?? null,
    latitude: p.latitude ?? null,
    longitude: p.longitude ?? null,
    stage: p.stage,
    health: p.health,
    progressPercent: p.progressPercent ?? null,
    plannedStart: day(p.plannedStart),
    plannedStartPrecision: p.plannedStart?.precision ?? null,
    plannedFinish: day(p.plannedFinish),
    plannedFinishPrecision: p.plannedFinish?.precision ?? null,
    forecastFinish: day(p.forecastFinish),
    forecastFinishPrecision: p.forecastFinish?.precision ?? null,
    actualFinish: day(p.actualFinish),
    actualFinishPrecision: p.actualFinish?.precision ?? null,
    operatingCompany: p.operatingCompany ?? null,
    orgUnitId,
    programmeId,
    // "Last updated" is when the newest reported fact dates from, not when the seed ran.
    ...(lastUpdate ? { createdAt: new Date(lastUpdate), updatedAt: new Date(lastUpdate) } : {}),
  });

  const milestoneIds = new Map<string, string>();
  p.milestones.forEach((m, i) => {
    const id = randomUUID();
    milestoneIds.set(m.key, id);
    rows.milestones.push({
      id,
      projectId,
      title: m.title,
      titleZh: m.titleZh ?? null,
      baselineDate: day(m.baseline),
      baselinePrecision: m.baseline?.precision ?? null,
      forecastDate: day(m.forecast),
      forecastPrecision: m.forecast?.precision ?? null,
      actualDate: day(m.actual),
      actualPrecision: m.actual?.precision ?? null,
      state: m.state,
      sortOrder: i,
    });
  });

  for (const q of p.quotes) {
    if (!sourceId) throw new Error(`${p.slug}: a quote needs a source`);
    rows.quotes.push({
      id: randomUUID(),
      sourceId,
      projectId,
      milestoneId: q.milestoneKey ? (milestoneIds.get(q.milestoneKey) ?? null) : null,
      supports: q.supports,
      text: q.text,
    });
  }

  rows.bases.push(...factBasisRows(p, projectId, milestoneIds));

  for (const h of p.history) {
    const occurredAt = new Date(h.occurredAt);
    const base = { projectId, origin: "IMPORT" as const, authorName: author, occurredAt, comment: h.comment, sourceId };
    const projectFields: [string, string | null][] = [];
    for (const fact of h.sets) {
      if (fact in PROJECT_FACTS) projectFields.push([PROJECT_FACTS[fact].field, PROJECT_FACTS[fact].value(p)]);
      else if (fact.startsWith("milestone:")) {
        const key = fact.slice("milestone:".length);
        const m = p.milestones.find((x) => x.key === key);
        if (!m) throw new Error(`${p.slug}: history names unknown milestone ${key}`);
        const updateId = randomUUID();
        rows.updates.push({ ...base, id: updateId, milestoneId: milestoneIds.get(key)! });
        const fields: [string, string | null][] = [
          ["milestone.state", m.state],
          ["milestone.baseline", encodeFuzzy(m.baseline)],
          ["milestone.forecast", encodeFuzzy(m.forecast)],
          ["milestone.actual", encodeFuzzy(m.actual)],
        ];
        for (const [field, after] of fields) if (after !== null) rows.changes.push({ id: randomUUID(), updateId, field, before: null, after });
      } else throw new Error(`${p.slug}: history sets unknown fact ${fact}`);
    }
    if (projectFields.length) {
      const updateId = randomUUID();
      rows.updates.push({ ...base, id: updateId });
      for (const [field, after] of projectFields) rows.changes.push({ id: randomUUID(), updateId, field, before: null, after });
    }
  }
}

async function insert(tx: Prisma.TransactionClient, rows: Rows): Promise<void> {
  await bulkInsert(tx, "Project", rows.projects);
  await bulkInsert(tx, "Milestone", rows.milestones);
  await bulkInsert(tx, "SourceQuote", rows.quotes);
  await bulkInsert(tx, "StatusUpdate", rows.updates);
  await bulkInsert(tx, "FieldChange", rows.changes);
  await bulkInsert(tx, "FactBasis", rows.bases);
}

/**
 * Loads a portfolio. Projects are written in batches, each batch one
 * transaction, so a large synthetic load never holds one long transaction
 * (on PGlite a long transaction stalls every other request).
 */
export async function loadPortfolio(
  prisma: PrismaClient,
  portfolio: Pick<SeedPortfolio, "projects"> & Partial<Pick<SeedPortfolio, "source" | "importedBy">> & { orgUnits?: readonly SeedOrgUnit[] },
  {
    batchSize = 500,
    owners = {},
  }: {
    batchSize?: number;
    /** slug → owning unit code, for projects that do not name one (prisma/seed/org-units.ts) */
    owners?: Readonly<Record<string, string>>;
  } = {},
): Promise<LoadResult> {
  const unitIds = await ensureOrgUnits(prisma, portfolio.orgUnits);
  const root = await rootUnitId(prisma);
  const ownerOf = (p: SeedProject): string => {
    const code = p.orgUnit ?? owners[p.slug];
    if (code === undefined) return root;
    const id = unitIds.get(code);
    if (!id) throw new Error(`${p.slug}: unknown organization unit ${code}`);
    return id;
  };
  let sourceId: string | null = null;
  if (portfolio.source) {
    const s = portfolio.source;
    const data = { title: s.title, publisher: s.publisher, publishedOn: new Date(`${s.publishedOn}T00:00:00Z`), url: s.url ?? null };
    sourceId = (await prisma.source.upsert({ where: { key: s.key }, create: { key: s.key, ...data }, update: data, select: { id: true } })).id;
  }
  const author = portfolio.importedBy ?? SOURCE_IMPORT_AUTHOR;
  const result: LoadResult = { projects: 0, milestones: 0, updates: 0 };
  // Programmes first, so that a part's programme row exists when the part is inserted.
  const projects = [...portfolio.projects.filter((p) => p.programme === undefined), ...portfolio.projects.filter((p) => p.programme !== undefined)];
  const ids = new Map(projects.map((p) => [p.slug, randomUUID()]));
  for (let i = 0; i < projects.length; i += batchSize) {
    const rows: Rows = { projects: [], milestones: [], quotes: [], updates: [], changes: [], bases: [] };
    for (const p of projects.slice(i, i + batchSize)) projectRows(p, ids, sourceId, author, rows, ownerOf(p));
    await prisma.$transaction((tx) => insert(tx, rows), { timeout: 120_000 });
    result.projects += rows.projects.length;
    result.milestones += rows.milestones.length;
    result.updates += rows.updates.length;
  }
  await analyzeTables(prisma);
  return result;
}

/** Empties every portfolio table (for --reset and tests). */
export async function clearPortfolio(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe('TRUNCATE TABLE "FactBasis", "FieldChange", "StatusUpdate", "SourceQuote", "Milestone", "Project", "Source" CASCADE');
}
