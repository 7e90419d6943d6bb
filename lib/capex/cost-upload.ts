import "server-only";
import { z } from "zod";
import type { Viewer } from "../auth/session";
import { randomUUID } from "node:crypto";
import { recordAuditMany } from "../audit/record-audit";
import { bulkInsert } from "../db/bulk-insert";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { findWritableProject } from "../projects/project-access";
import { mutate, type MutationResult } from "../server/mutation";
import { dec } from "./money";
import { convertWith, loadRateSets } from "./rate-sets";
import { MAX_UPLOAD_ROWS } from "../sheets/sheet";
import { checkCostRow, duplicateReferences, type ParsedCostRow, type UploadError } from "./upload-rows";

/**
 * The ERP cost-sheet upload: a dry run lists every row's errors and what each
 * row would do; applying re-checks everything and writes all rows in one
 * transaction, or nothing. Rows are keyed by (project, external reference), so
 * uploading the same sheet twice changes nothing. BUDGET rows go into the
 * project's newest draft budget version.
 */
const cell = z.string().max(500).default("");
export const costUploadSchema = z
  .object({
    rows: z
      .array(
        z
          .object({ row: z.number().int().min(1), project: cell, externalRef: cell, category: cell, measure: cell, period: cell, amount: cell, currency: cell })
          .strict(),
      )
      .min(1, "The sheet has no rows.")
      .max(MAX_UPLOAD_ROWS, `At most ${MAX_UPLOAD_ROWS} rows per upload.`),
  })
  .strict();

export type RowAction = "create" | "update" | "unchanged";
export interface RowPlan {
  row: number;
  errors: UploadError[];
  action: RowAction | null;
}
export interface UploadPlan {
  rows: RowPlan[];
  errorRows: number;
  counts: Record<RowAction, number>;
}

interface Target {
  parsed: ParsedCostRow;
  projectId: string;
  categoryId: string;
  converted: { amountCny: string; amountUsd: string; rateSetId: string };
  budgetVersionId: string | null;
  existing: { id: string; amount: string; measure: string; period: string; categoryId: string; version: number } | null;
}

async function plan(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  grant: true | "assigned",
  rows: z.infer<typeof costUploadSchema>["rows"],
): Promise<{ plan: UploadPlan; targets: Target[] }> {
  const checked = rows.map((r) => ({ row: r.row, ...checkCostRow(r) }));
  const dups = duplicateReferences(checked.flatMap((c) => (c.parsed ? [c.parsed] : [])));
  const [categories, rateSets] = await Promise.all([tx.costCategory.findMany({ select: { id: true, key: true } }), loadRateSets(tx)]);
  const categoryId = new Map(categories.map((c) => [c.key, c.id]));

  // Each project once, through the one writable-project lookup (scope in its where).
  const projects = new Map<string, { id: string; currency: string; draft: string | null } | UploadError>();
  for (const slug of new Set(checked.flatMap((c) => (c.parsed ? [c.parsed.project] : [])))) {
    try {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, currency: true } });
      const draft = await tx.budgetVersion.findFirst({ where: { projectId: p.id, state: "DRAFT" }, orderBy: { createdAt: "desc" }, select: { id: true } });
      projects.set(slug, { ...p, draft: draft?.id ?? null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      projects.set(slug, { code: err.code === "FORBIDDEN" ? "notYourProject" : "unknownProject", field: "project", params: { value: slug } });
    }
  }

  const targets: Target[] = [];
  const pending: { plan: RowPlan; target: Omit<Target, "existing"> }[] = [];
  const out: RowPlan[] = checked.map((c) => {
    const errors = [...c.errors];
    const dup = dups.get(c.row);
    if (dup) errors.push(dup);
    const rowPlan: RowPlan = { row: c.row, errors, action: null };
    if (!c.parsed) return rowPlan;
    const p = projects.get(c.parsed.project)!;
    if ("code" in p) errors.push(p);
    const cat = categoryId.get(c.parsed.category);
    if (!cat) errors.push({ code: "unknownCategory", field: "category", params: { value: c.parsed.category } });
    if (!("code" in p)) {
      if (c.parsed.currency !== p.currency)
        errors.push({ code: "currencyMismatch", field: "currency", params: { value: c.parsed.currency, expected: p.currency } });
      if (c.parsed.measure === "BUDGET" && !p.draft) errors.push({ code: "noDraftBudget", field: "measure", params: { project: c.parsed.project } });
    }
    const currencyOk = !("code" in p) && c.parsed.currency === p.currency;
    const converted = currencyOk ? convertWith(rateSets, dec(c.parsed.amount), c.parsed.currency, c.parsed.period) : { error: "currency" };
    if (currencyOk && "error" in converted)
      errors.push({ code: "noRateSet", field: "period", params: { value: c.parsed.period, currency: c.parsed.currency } });
    if (errors.length || "code" in p || !cat || "error" in converted) return rowPlan;
    pending.push({
      plan: rowPlan,
      target: { parsed: c.parsed, projectId: p.id, categoryId: cat, converted, budgetVersionId: c.parsed.measure === "BUDGET" ? p.draft : null },
    });
    return rowPlan;
  });

  // What exists already, in one query per kind.
  const costKeys = pending.filter((x) => !x.target.budgetVersionId);
  // The keys travel as two array parameters: Prisma's `in` lists bind one value
  // per key, which cost about 2 s per 10,000 keys on PGlite.
  const existingCosts = costKeys.length
    ? await tx.$queryRaw<
        { id: string; projectId: string; externalRef: string; amount: Prisma.Decimal; measure: string; period: Date; categoryId: string; version: number }[]
      >`
        SELECT c."id", c."projectId", c."externalRef", c."amount", c."measure"::text AS "measure", c."period", c."categoryId", c."version"
        FROM unnest(${costKeys.map((x) => x.target.projectId)}::uuid[], ${costKeys.map((x) => x.target.parsed.externalRef)}::text[]) AS k("projectId", "externalRef")
        JOIN "CostLine" c ON c."projectId" = k."projectId" AND c."externalRef" = k."externalRef"`
    : [];
  const budgetKeys = pending.filter((x) => x.target.budgetVersionId);
  const existingBudget = budgetKeys.length
    ? await tx.budgetLine.findMany({
        where: {
          budgetVersionId: { in: [...new Set(budgetKeys.map((x) => x.target.budgetVersionId!))] },
          externalRef: { in: budgetKeys.map((x) => x.target.parsed.externalRef) },
        },
        select: { id: true, budgetVersionId: true, externalRef: true, amount: true, period: true, categoryId: true },
      })
    : [];
  const costIndex = new Map(existingCosts.map((e) => [`${e.projectId}|${e.externalRef}`, e]));
  const budgetIndex = new Map(existingBudget.map((e) => [`${e.budgetVersionId}|${e.externalRef}`, e]));
  for (const { plan: rowPlan, target } of pending) {
    const e = target.budgetVersionId
      ? budgetIndex.get(`${target.budgetVersionId}|${target.parsed.externalRef}`)
      : costIndex.get(`${target.projectId}|${target.parsed.externalRef}`);
    const existing = e
      ? {
          id: e.id,
          amount: e.amount.toFixed(2),
          measure: "measure" in e ? e.measure : "BUDGET",
          period: e.period.toISOString().slice(0, 7),
          categoryId: e.categoryId,
          version: "version" in e ? e.version : 0,
        }
      : null;
    const same =
      existing &&
      dec(existing.amount).eq(dec(target.parsed.amount)) &&
      existing.measure === target.parsed.measure &&
      existing.period === target.parsed.period &&
      existing.categoryId === target.categoryId;
    rowPlan.action = !existing ? "create" : same ? "unchanged" : "update";
    targets.push({ ...target, existing });
  }
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of out) if (r.action) counts[r.action] += 1;
  return { plan: { rows: out, errorRows: out.filter((r) => r.errors.length).length, counts }, targets };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const i of items) {
    const list = m.get(key(i));
    if (list) list.push(i);
    else m.set(key(i), [i]);
  }
  return m;
}

const UPDATE_CHUNK = 2_000;
const INSERT_CHUNK = 5_000;

/**
 * New cost lines, one statement per chunk, each column as one array parameter
 * (unnest): on PGlite, json_populate_recordset spent about 0.2 s per 1,000 rows
 * parsing the JSON, unnest a tenth of it. The per-row foreign-key checks of
 * the table are what remains (about 0.3 s per 1,000 rows).
 */
async function insertCostLines(
  tx: Prisma.TransactionClient,
  rows: {
    id: string;
    projectId: string;
    categoryId: string;
    measure: string;
    period: string;
    amount: string;
    currency: string;
    amountCny: string;
    amountUsd: string;
    rateSetId: string;
    externalRef: string;
  }[],
  now: string,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const col = <K extends keyof (typeof rows)[number]>(k: K) => chunk.map((r) => r[k]);
    await tx.$executeRaw`
      INSERT INTO "CostLine" ("id", "projectId", "categoryId", "measure", "period", "amount", "currency", "amountCny", "amountUsd", "rateSetId", "externalRef", "createdAt", "updatedAt")
      SELECT u."id", u."projectId", u."categoryId", u."measure"::"CostMeasure", u."period", u."amount", u."currency", u."amountCny", u."amountUsd", u."rateSetId", u."externalRef",
        ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${col("id")}::uuid[], ${col("projectId")}::uuid[], ${col("categoryId")}::uuid[], ${col("measure")}::text[], ${col("period")}::date[],
        ${col("amount")}::numeric[], ${col("currency")}::text[], ${col("amountCny")}::numeric[], ${col("amountUsd")}::numeric[], ${col("rateSetId")}::uuid[], ${col("externalRef")}::text[])
        AS u("id", "projectId", "categoryId", "measure", "period", "amount", "currency", "amountCny", "amountUsd", "rateSetId", "externalRef")`;
  }
}

/** The dry run: what every row would do, and every row's errors. Writes nothing. */
export async function dryRunCostUpload({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<UploadPlan>> {
  return mutate({
    name: "dryRunCostUpload",
    schema: costUploadSchema,
    input,
    viewer,
    permission: "capex:edit",
    run: async ({ tx, viewer, grant, input }) => (await plan(tx, viewer, grant, input.rows)).plan,
  });
}

/** Applies a sheet with no errors, all rows in one transaction; with any error, nothing. */
export async function applyCostUpload({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<UploadPlan>> {
  return mutate({
    name: "applyCostUpload",
    schema: costUploadSchema,
    input,
    viewer,
    permission: "capex:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const { plan: result, targets } = await plan(tx, viewer, grant, input.rows);
      if (result.errorRows) throw new AppError("BAD_REQUEST", { key: "rowErrorsNothingApplied", params: { rows: result.errorRows } }, undefined, result);
      // Set-wise: one insert statement per kind and chunk, one update statement
      // per kind and chunk, audit entries in bulk (a row-by-row apply of 10,000
      // rows took about a minute on PGlite; docs in bench/README.md).
      const actionOf = new Map(result.rows.map((r) => [r.row, r.action]));
      const creates = targets.filter((t) => !t.existing);
      const updates = targets.filter((t) => t.existing && actionOf.get(t.parsed.row) === "update");
      const now = new Date().toISOString();
      const line = (t: Target) => ({
        categoryId: t.categoryId,
        period: `${t.parsed.period}-01`,
        amount: t.parsed.amount,
        currency: t.parsed.currency,
        externalRef: t.parsed.externalRef,
        ...t.converted,
      });
      await insertCostLines(
        tx,
        creates.filter((t) => !t.budgetVersionId).map((t) => ({ id: randomUUID(), projectId: t.projectId, measure: t.parsed.measure, ...line(t) })),
        now,
      );
      await bulkInsert(
        tx,
        "BudgetLine",
        creates.filter((t) => t.budgetVersionId).map((t) => ({ id: randomUUID(), budgetVersionId: t.budgetVersionId, ...line(t) })),
      );
      const costUpdates = updates.filter((t) => !t.budgetVersionId);
      for (let i = 0; i < costUpdates.length; i += UPDATE_CHUNK) {
        const chunk = costUpdates
          .slice(i, i + UPDATE_CHUNK)
          .map((t) => ({ id: t.existing!.id, version: t.existing!.version, measure: t.parsed.measure, ...line(t) }));
        // The version in the where: a line changed since the plan was read is not overwritten.
        const written = await tx.$executeRawUnsafe(
          `UPDATE "CostLine" c SET "categoryId" = u."categoryId", measure = u.measure::"CostMeasure", period = u.period, amount = u.amount,
             "amountCny" = u."amountCny", "amountUsd" = u."amountUsd", "rateSetId" = u."rateSetId", version = c.version + 1, "updatedAt" = $2::timestamptz
           FROM json_to_recordset($1::json) AS u(id uuid, version int, "categoryId" uuid, measure text, period date, amount numeric, "amountCny" numeric, "amountUsd" numeric, "rateSetId" uuid)
           WHERE c.id = u.id AND c.version = u.version`,
          JSON.stringify(chunk),
          now,
        );
        if (written !== chunk.length) throw new AppError("CONFLICT", "capexCostLineRace");
      }
      const budgetUpdates = updates.filter((t) => t.budgetVersionId);
      for (let i = 0; i < budgetUpdates.length; i += UPDATE_CHUNK) {
        const chunk = budgetUpdates.slice(i, i + UPDATE_CHUNK).map((t) => ({ id: t.existing!.id, ...line(t) }));
        await tx.$executeRawUnsafe(
          `UPDATE "BudgetLine" b SET "categoryId" = u."categoryId", period = u.period, amount = u.amount, "amountCny" = u."amountCny", "amountUsd" = u."amountUsd", "rateSetId" = u."rateSetId"
           FROM json_to_recordset($1::json) AS u(id uuid, "categoryId" uuid, period date, amount numeric, "amountCny" numeric, "amountUsd" numeric, "rateSetId" uuid)
           WHERE b.id = u.id`,
          JSON.stringify(chunk),
        );
      }
      // A changed draft budget gets a new version, so an open form on it sees a conflict.
      const drafts = [...new Set([...creates, ...updates].flatMap((t) => (t.budgetVersionId ? [t.budgetVersionId] : [])))];
      if (drafts.length) await tx.budgetVersion.updateMany({ where: { id: { in: drafts }, state: "DRAFT" }, data: { version: { increment: 1 } } });
      // One audit entry per project touched, with what changed (before and after of each line).
      await recordAuditMany(
        tx,
        viewer,
        [...groupBy([...creates, ...updates], (t) => t.projectId)].map(([projectId, ts]) => ({
          action: "capex.upload.apply",
          entityType: "Project",
          entityId: projectId,
          after: {
            created: ts.filter((t) => !t.existing).length,
            updated: ts.filter((t) => t.existing).length,
            changes: ts.slice(0, 500).map((t) => ({
              ref: t.parsed.externalRef,
              measure: t.parsed.measure,
              period: t.parsed.period,
              before: t.existing?.amount ?? null,
              after: dec(t.parsed.amount).toFixed(2),
            })),
          },
        })),
      );
      return result;
    },
  });
}
