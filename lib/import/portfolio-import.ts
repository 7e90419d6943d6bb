import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordAuditMany, type AuditInput } from "../audit/record-audit";
import { can, grantPaths } from "../auth/permissions";
import type { Viewer } from "../auth/session";
import { fuzzyFromDb } from "../dates/fuzzy-date";
import { bulkInsert, bulkUpdate } from "../db/bulk-insert";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { encodeFuzzy } from "../history/change-values";
import type { Change } from "../history/record-change";
import { nameSortKey } from "../projects/name-sort-key";
import { pinyinSortKey } from "../projects/pinyin-sort-key";
import { projectWriteScope } from "../projects/project-scope";
import type { DatePrecision } from "../projects/enums";
import type { FuzzyDate } from "../projects/types";
import { mutate, type MutationResult } from "../server/mutation";
import { importComment, portfolioImportSchema, summarize, type ImportPlan, type RowPlan } from "./import-plan";
import { checkMilestoneRow, checkProjectRow, markDuplicates, type ImportError, type ParsedMilestone, type ParsedProject } from "./portfolio-rows";

/**
 * The portfolio import (projects and their milestones): the dry run plans
 * every row against the database and writes nothing; apply re-plans inside its
 * transaction and, only if no row has an error, writes everything set-wise
 * (docs/decisions/0062-bulk-import-write-path.md): one transaction per file,
 * one history entry and one audit entry per changed record. Rows are keyed by
 * the project's slug and the milestone's external key, so the same file twice
 * changes nothing.
 */
type Input = z.infer<typeof portfolioImportSchema>;
type Tx = Prisma.TransactionClient;

const PROJECT_FIELDS = [
  "nameEn",
  "nameZh",
  "kind",
  "businessLine",
  "stage",
  "region",
  "countryCode",
  "plannedStart",
  "plannedFinish",
  "summary",
  "summaryZh",
] as const;
const MILESTONE_FIELDS = ["title", "titleZh", "state", "baseline", "forecast", "actual"] as const;
type Values<F extends string> = Record<F, string | null>;

const projectSelect = {
  id: true,
  slug: true,
  version: true,
  nameEn: true,
  nameZh: true,
  kind: true,
  businessLine: true,
  stage: true,
  region: true,
  countryCode: true,
  plannedStart: true,
  plannedStartPrecision: true,
  plannedFinish: true,
  plannedFinishPrecision: true,
  summary: true,
  summaryZh: true,
  orgUnit: { select: { code: true } },
} satisfies Prisma.ProjectSelect;
type ExistingProject = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

/**
 * A project's milestones as the plan compares them, read by one statement
 * that answers one JSON document: a file of 50,000 milestones is checked
 * against all of them, and Prisma's decoding of that many rows cost several
 * seconds on the embedded database (npm run bench:import). Dates come as
 * "YYYY-MM-DD", as the DATE columns hold them.
 */
interface ExistingMilestone {
  id: string;
  projectId: string;
  externalKey: string;
  version: number;
  title: string;
  titleZh: string | null;
  state: string;
  baselineDate: string | null;
  baselinePrecision: DatePrecision | null;
  forecastDate: string | null;
  forecastPrecision: DatePrecision | null;
  actualDate: string | null;
  actualPrecision: DatePrecision | null;
}

async function existingMilestonesOf(tx: Tx, projectIds: readonly string[]): Promise<ExistingMilestone[]> {
  if (!projectIds.length) return [];
  const [row] = await tx.$queryRawUnsafe<{ rows: string }[]>(
    `SELECT coalesce(json_agg(json_build_object(
       'id', m."id", 'projectId', m."projectId", 'externalKey', m."externalKey", 'version', m."version",
       'title', m."title", 'titleZh', m."titleZh", 'state', m."state",
       'baselineDate', m."baselineDate", 'baselinePrecision', m."baselinePrecision",
       'forecastDate', m."forecastDate", 'forecastPrecision', m."forecastPrecision",
       'actualDate', m."actualDate", 'actualPrecision', m."actualPrecision")), '[]')::text AS "rows"
     FROM "Milestone" m
     WHERE m."projectId" IN (SELECT value::uuid FROM json_array_elements_text($1::json)) AND m."externalKey" IS NOT NULL`,
    JSON.stringify(projectIds),
  );
  return JSON.parse(row.rows) as ExistingMilestone[];
}

const stored = (day: string | null, precision: DatePrecision | null): FuzzyDate | null => (day ? { date: day, precision: precision ?? "DAY" } : null);

const fuzzy = (f: FuzzyDate | null) => encodeFuzzy(f);

function projectValues(p: ParsedProject): Values<(typeof PROJECT_FIELDS)[number]> {
  return { ...p, plannedStart: fuzzy(p.plannedStart), plannedFinish: fuzzy(p.plannedFinish), summary: p.summary };
}
function existingProjectValues(p: ExistingProject): Values<(typeof PROJECT_FIELDS)[number]> {
  return {
    ...p,
    plannedStart: fuzzy(fuzzyFromDb(p.plannedStart, p.plannedStartPrecision)),
    plannedFinish: fuzzy(fuzzyFromDb(p.plannedFinish, p.plannedFinishPrecision)),
  };
}
function milestoneValues(m: ParsedMilestone): Values<(typeof MILESTONE_FIELDS)[number]> {
  return { title: m.title, titleZh: m.titleZh, state: m.state, baseline: fuzzy(m.baseline), forecast: fuzzy(m.forecast), actual: fuzzy(m.actual) };
}
function existingMilestoneValues(m: ExistingMilestone): Values<(typeof MILESTONE_FIELDS)[number]> {
  return {
    title: m.title,
    titleZh: m.titleZh,
    state: m.state,
    baseline: fuzzy(stored(m.baselineDate, m.baselinePrecision)),
    forecast: fuzzy(stored(m.forecastDate, m.forecastPrecision)),
    actual: fuzzy(stored(m.actualDate, m.actualPrecision)),
  };
}

function diff<F extends string>(fields: readonly F[], before: Values<F> | null, after: Values<F>, prefix = ""): Change[] {
  const out: Change[] = [];
  for (const f of fields) {
    const b = before ? (before[f] ?? null) : null;
    const a = after[f] ?? null;
    if (a !== b) out.push({ field: prefix + f, before: b, after: a });
  }
  return out;
}

const day = (f: FuzzyDate | null) => (f ? f.date : null);

interface ProjectTarget {
  parsed: ParsedProject;
  id: string;
  unitId: string;
  currency: string;
  existing: ExistingProject | null;
  changes: Change[];
}
interface MilestoneTarget {
  parsed: ParsedMilestone;
  id: string;
  projectId: string;
  existing: ExistingMilestone | null;
  changes: Change[];
}

async function plan(tx: Tx, viewer: Viewer, input: Input): Promise<{ plan: ImportPlan; projects: ProjectTarget[]; milestones: MilestoneTarget[] }> {
  const checkedProjects = input.projects.map(checkProjectRow);
  const checkedMilestones = input.milestones.map(checkMilestoneRow);
  markDuplicates(checkedProjects);
  markDuplicates(checkedMilestones);

  // Scope is in each query's where: units and projects the caller may import into come back; the rest are errors.
  const scopePaths = grantPaths(viewer, "portfolio:import").full;
  const unitCodes = [...new Set(checkedProjects.flatMap((c) => (c.parsed ? [c.parsed.unit] : [])))];
  const projectKeys = [
    ...new Set([
      ...checkedProjects.flatMap((c) => (c.parsed ? [c.parsed.key] : [])),
      ...checkedMilestones.flatMap((c) => (c.parsed ? [c.parsed.project] : [])),
    ]),
  ];
  const [units, scopedUnits, anyProjects, writable] = await Promise.all([
    tx.orgUnit.findMany({ where: { code: { in: unitCodes } }, select: { code: true } }),
    tx.orgUnit.findMany({
      where: { code: { in: unitCodes }, OR: scopePaths.map((p) => ({ path: { startsWith: p } })) },
      select: { id: true, code: true, currency: true, archivedAt: true },
    }),
    tx.project.findMany({ where: { slug: { in: projectKeys } }, select: { slug: true } }),
    tx.project.findMany({ where: { AND: [{ slug: { in: projectKeys } }, projectWriteScope(viewer, "portfolio:import")] }, select: projectSelect }),
  ]);
  const known = new Set(units.map((u) => u.code));
  const inScope = new Map(scopedUnits.map((u) => [u.code, u]));
  const exists = new Set(anyProjects.map((p) => p.slug));
  const writableBySlug = new Map(writable.map((p) => [p.slug, p]));
  const existingMilestones = await existingMilestonesOf(
    tx,
    writable.map((p) => p.id),
  );
  const milestoneIndex = new Map(existingMilestones.map((m) => [`${m.projectId}/${m.externalKey}`, m]));
  const mayRebaseline = can(viewer, "milestone:rebaseline");

  const rows: RowPlan[] = [];
  const projects: ProjectTarget[] = [];
  const projectIdOf = new Map<string, string>();
  for (const c of checkedProjects) {
    const errors: ImportError[] = [...c.errors];
    const p = c.parsed;
    let action: RowPlan["action"] = null;
    let changes: Change[] = [];
    if (p) {
      const unit = inScope.get(p.unit);
      const existing = writableBySlug.get(p.key) ?? null;
      if (!known.has(p.unit)) errors.push({ code: "unknownUnit", field: "unit", params: { value: p.unit } });
      else if (!unit) errors.push({ code: "unitOutOfScope", field: "unit", params: { value: p.unit } });
      else if (unit.archivedAt && !existing) errors.push({ code: "archivedUnit", field: "unit", params: { value: p.unit } });
      if (!existing && exists.has(p.key)) errors.push({ code: "notYourProject", field: "key", params: { value: p.key } });
      // Moving a project between units is the organization page's (org:manage, audited as a move), not an import's.
      if (existing && existing.orgUnit.code !== p.unit)
        errors.push({ code: "unitChange", field: "unit", params: { value: p.unit, current: existing.orgUnit.code } });
      if (!errors.length && unit) {
        changes = diff(PROJECT_FIELDS, existing ? existingProjectValues(existing) : null, projectValues(p));
        action = !existing ? "create" : changes.length ? "update" : "unchanged";
        const id = existing?.id ?? randomUUID();
        projectIdOf.set(p.key, id);
        projects.push({ parsed: p, id, unitId: unit.id, currency: unit.currency, existing, changes });
      }
    }
    rows.push({ sheet: "projects", row: c.row, key: c.key, action, errors, ...(action === "update" ? { changes: changes.map((x) => x.field) } : {}) });
  }
  const inFile = new Set(checkedProjects.map((c) => c.parsed?.key).filter(Boolean));
  for (const [slug, p] of writableBySlug) if (!projectIdOf.has(slug)) projectIdOf.set(slug, p.id);

  const milestones: MilestoneTarget[] = [];
  for (const c of checkedMilestones) {
    const errors: ImportError[] = [...c.errors];
    const m = c.parsed;
    let action: RowPlan["action"] = null;
    let changes: Change[] = [];
    if (m) {
      const projectId = projectIdOf.get(m.project);
      if (!projectId && !inFile.has(m.project))
        errors.push({ code: exists.has(m.project) ? "notYourProject" : "unknownProject", field: "project", params: { value: m.project } });
      const existing = projectId ? (milestoneIndex.get(`${projectId}/${m.key}`) ?? null) : null;
      const after = milestoneValues(m);
      const before = existing ? existingMilestoneValues(existing) : null;
      if (before && before.baseline !== after.baseline && !mayRebaseline) errors.push({ code: "needsRebaseline", field: "baseline" });
      // A milestone of a project row that has errors plans nothing: the file will not apply anyway.
      if (!errors.length && projectId) {
        changes = diff(MILESTONE_FIELDS, before, after, "milestone.");
        action = !existing ? "create" : changes.length ? "update" : "unchanged";
        milestones.push({ parsed: m, id: existing?.id ?? randomUUID(), projectId, existing, changes });
      }
    }
    rows.push({ sheet: "milestones", row: c.row, key: c.key, action, errors, ...(action === "update" ? { changes: changes.map((x) => x.field) } : {}) });
  }
  return { plan: summarize(input.fileName, rows), projects, milestones };
}

/** A file of 5,000 projects and 50,000 milestones takes tens of seconds in one transaction (npm run bench:import). */
export const IMPORT_TRANSACTION_MS = 180_000;

export async function dryRunPortfolioImport({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<ImportPlan>> {
  return mutate({
    name: "dryRunPortfolioImport",
    schema: portfolioImportSchema,
    input,
    viewer,
    permission: "portfolio:import",
    transactionTimeoutMs: IMPORT_TRANSACTION_MS,
    run: async ({ tx, viewer, input }) => (await plan(tx, viewer, input)).plan,
  });
}

export async function applyPortfolioImport({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<ImportPlan>> {
  return mutate({
    name: "applyPortfolioImport",
    schema: portfolioImportSchema,
    input,
    viewer,
    permission: "portfolio:import",
    transactionTimeoutMs: IMPORT_TRANSACTION_MS,
    run: async ({ tx, viewer, input }) => {
      const { plan: result, projects, milestones } = await plan(tx, viewer, input);
      if (result.errorRows)
        throw new AppError("BAD_REQUEST", { key: "rowErrorsNothingImported", params: { rows: result.errorRows } }, undefined, {
          plan: result,
        });
      await writeProjects(tx, projects);
      await writeMilestones(tx, milestones);
      await writeHistory(tx, viewer, importComment(input.fileName, viewer.name), projects, milestones);
      return result;
    },
  });
}

function projectColumns(t: ProjectTarget) {
  const p = t.parsed;
  return {
    id: t.id,
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    nameSortKey: nameSortKey(p.nameEn),
    nameSortKeyZh: pinyinSortKey(p.nameZh ?? p.nameEn),
    kind: p.kind,
    businessLine: p.businessLine,
    stage: p.stage,
    region: p.region,
    countryCode: p.countryCode,
    plannedStart: day(p.plannedStart),
    plannedStartPrecision: p.plannedStart?.precision ?? null,
    plannedFinish: day(p.plannedFinish),
    plannedFinishPrecision: p.plannedFinish?.precision ?? null,
    summary: p.summary,
    summaryZh: p.summaryZh,
  };
}
const PROJECT_UPDATE_COLUMNS = [
  "nameEn",
  "nameZh",
  "nameSortKey",
  "nameSortKeyZh",
  "kind",
  "businessLine",
  "stage",
  "region",
  "countryCode",
  "plannedStart",
  "plannedStartPrecision",
  "plannedFinish",
  "plannedFinishPrecision",
  "summary",
  "summaryZh",
];

async function writeProjects(tx: Tx, targets: ProjectTarget[]) {
  await bulkInsert(
    tx,
    "Project",
    targets.filter((t) => !t.existing).map((t) => ({ ...projectColumns(t), slug: t.parsed.key, orgUnitId: t.unitId, currency: t.currency, version: 1 })),
  );
  const updates = targets.filter((t) => t.existing && t.changes.length);
  const written = await bulkUpdate(
    tx,
    "Project",
    PROJECT_UPDATE_COLUMNS,
    updates.map((t) => ({ ...projectColumns(t), version: t.existing!.version + 1 })),
  );
  if (written !== updates.length) throw new AppError("CONFLICT", "importProjectConflict");
}

function milestoneColumns(t: MilestoneTarget) {
  const m = t.parsed;
  return {
    id: t.id,
    title: m.title,
    titleZh: m.titleZh,
    state: m.state,
    baselineDate: day(m.baseline),
    baselinePrecision: m.baseline?.precision ?? null,
    forecastDate: day(m.forecast),
    forecastPrecision: m.forecast?.precision ?? null,
    actualDate: day(m.actual),
    actualPrecision: m.actual?.precision ?? null,
  };
}
const MILESTONE_UPDATE_COLUMNS = [
  "title",
  "titleZh",
  "state",
  "baselineDate",
  "baselinePrecision",
  "forecastDate",
  "forecastPrecision",
  "actualDate",
  "actualPrecision",
];

async function writeMilestones(tx: Tx, targets: MilestoneTarget[]) {
  const creates = targets.filter((t) => !t.existing);
  // New milestones go after a project's existing ones, in sheet order.
  const last = creates.length
    ? await tx.milestone.groupBy({ by: ["projectId"], where: { projectId: { in: [...new Set(creates.map((t) => t.projectId))] } }, _max: { sortOrder: true } })
    : [];
  const next = new Map(last.map((l) => [l.projectId, (l._max.sortOrder ?? -1) + 1]));
  await bulkInsert(
    tx,
    "Milestone",
    creates.map((t) => {
      const sortOrder = next.get(t.projectId) ?? 0;
      next.set(t.projectId, sortOrder + 1);
      return { ...milestoneColumns(t), projectId: t.projectId, externalKey: t.parsed.key, sortOrder, version: 1 };
    }),
  );
  const updates = targets.filter((t) => t.existing && t.changes.length);
  const written = await bulkUpdate(
    tx,
    "Milestone",
    MILESTONE_UPDATE_COLUMNS,
    updates.map((t) => ({ ...milestoneColumns(t), version: t.existing!.version + 1 })),
  );
  if (written !== updates.length) throw new AppError("CONFLICT", "importMilestoneConflict");
}

/** One history entry and one audit entry per changed record, in bulk. */
async function writeHistory(tx: Tx, viewer: Viewer, comment: string, projects: ProjectTarget[], milestones: MilestoneTarget[]) {
  const occurredAt = new Date().toISOString();
  const updates: object[] = [];
  const fieldChanges: object[] = [];
  const audits: AuditInput[] = [];
  const entry = (
    t: { id: string; existing: { version: number } | null; changes: Change[] },
    projectId: string,
    milestoneId: string | null,
    entityType: string,
  ) => {
    const id = randomUUID();
    const version = t.existing ? t.existing.version + 1 : 1;
    updates.push({ id, projectId, milestoneId, origin: "USER", authorId: viewer.id, authorName: viewer.name, occurredAt, comment, version });
    for (const c of t.changes) fieldChanges.push({ id: randomUUID(), updateId: id, ...c });
    audits.push({
      action: `import.${entityType.toLowerCase()}.${t.existing ? "update" : "create"}`,
      entityType,
      entityId: milestoneId ?? projectId,
      before: t.existing ? Object.fromEntries(t.changes.map((c) => [c.field, c.before])) : null,
      after: Object.fromEntries(t.changes.map((c) => [c.field, c.after])),
      reason: comment,
    });
  };
  for (const t of projects) if (t.changes.length) entry(t, t.id, null, "Project");
  for (const t of milestones) if (t.changes.length) entry(t, t.projectId, t.id, "Milestone");
  await bulkInsert(tx, "StatusUpdate", updates);
  await bulkInsert(tx, "FieldChange", fieldChanges);
  await recordAuditMany(tx, viewer, audits);
}
