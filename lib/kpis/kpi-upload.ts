import "server-only";
import { z } from "zod";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record-audit";
import { dec, parsePeriod, periodToDate } from "../capex/money";
import { MAX_UPLOAD_ROWS, type SheetRow } from "../sheets/sheet";
import type { UploadError } from "../capex/upload-rows";
import { AppError } from "../errors";
import { findWritableProject } from "../projects/project-access";
import { mutate, type MutationResult } from "../server/mutation";
import { KPI_VALUE_PATTERN } from "./kpi.validation";

/**
 * KPI actuals from a sheet (project, kpi, period, value): the same dry run and
 * one-transaction apply as the cost upload, keyed by project × KPI × month.
 */
const cell = z.string().max(500).default("");
export const kpiUploadSchema = z
  .object({
    rows: z
      .array(z.object({ row: z.number().int().min(1), project: cell, kpi: cell, period: cell, value: cell }).strict())
      .min(1)
      .max(MAX_UPLOAD_ROWS),
  })
  .strict();
type Rows = z.infer<typeof kpiUploadSchema>["rows"];

export const KPI_COLUMNS = ["project", "kpi", "period", "value"] as const;
export function kpiRowFromSheet(r: SheetRow): Rows[number] {
  const c = r.cells;
  return { row: r.row, project: c.project ?? c.projectslug ?? "", kpi: c.kpi ?? c.kpikey ?? "", period: c.period ?? c.month ?? "", value: c.value ?? "" };
}
export function missingKpiColumns(headers: readonly string[]): string[] {
  const row = kpiRowFromSheet({ row: 1, cells: Object.fromEntries(headers.map((h) => [h, "x"])) });
  return KPI_COLUMNS.filter((k) => !row[k]);
}

export interface KpiRowPlan {
  row: number;
  errors: UploadError[];
  action: "create" | "update" | "unchanged" | null;
}

async function plan(tx: Parameters<Parameters<typeof mutate>[0]["run"]>[0]["tx"], viewer: Viewer, grant: true | "assigned", rows: Rows) {
  const defs = new Map((await tx.kpiDefinition.findMany({ select: { id: true, key: true, aggregation: true } })).map((d) => [d.key, d]));
  const projects = new Map<string, string | UploadError>();
  for (const slug of new Set(rows.map((r) => r.project.trim()).filter(Boolean))) {
    try {
      projects.set(slug, (await findWritableProject(tx, { slug, viewer, grant, select: { id: true } })).id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      projects.set(slug, { code: err.code === "FORBIDDEN" ? "notYourProject" : "unknownProject", field: "project", params: { value: slug } });
    }
  }
  const seen = new Map<string, number>();
  const good: { row: number; projectId: string; definitionId: string; period: string; value: string; plan: KpiRowPlan }[] = [];
  const out: KpiRowPlan[] = rows.map((r) => {
    const errors: UploadError[] = [];
    for (const f of KPI_COLUMNS) if (!r[f].trim()) errors.push({ code: "missingValue", field: f });
    const period = r.period.trim() ? parsePeriod(r.period) : null;
    if (r.period.trim() && !period) errors.push({ code: "badPeriod", field: "period", params: { value: r.period } });
    if (r.value.trim() && !KPI_VALUE_PATTERN.test(r.value.trim())) errors.push({ code: "badNumber", field: "value", params: { value: r.value } });
    const p = r.project.trim() ? projects.get(r.project.trim()) : undefined;
    if (p && typeof p !== "string") errors.push(p);
    const d = r.kpi.trim() ? defs.get(r.kpi.trim().toLowerCase()) : undefined;
    if (r.kpi.trim() && !d) errors.push({ code: "unknownKpi", field: "kpi", params: { value: r.kpi } });
    if (d?.aggregation === "RATIO") errors.push({ code: "computedKpi", field: "kpi", params: { value: r.kpi } });
    const rp: KpiRowPlan = { row: r.row, errors, action: null };
    if (!errors.length && typeof p === "string" && d && period) {
      const k = `${p}|${d.id}|${period}`;
      if (seen.has(k)) errors.push({ code: "duplicateReference", field: "period", params: { value: period, rows: `${seen.get(k)}, ${r.row}` } });
      else {
        seen.set(k, r.row);
        good.push({ row: r.row, projectId: p, definitionId: d.id, period, value: r.value.trim(), plan: rp });
      }
    }
    return rp;
  });
  const existing = good.length
    ? await tx.kpiActual.findMany({
        where: {
          projectId: { in: [...new Set(good.map((g) => g.projectId))] },
          definitionId: { in: [...new Set(good.map((g) => g.definitionId))] },
          period: { in: [...new Set(good.map((g) => periodToDate(g.period)))] },
        },
      })
    : [];
  const index = new Map(existing.map((e) => [`${e.projectId}|${e.definitionId}|${e.period.toISOString().slice(0, 7)}`, e]));
  const targets = good.map((g) => {
    const e = index.get(`${g.projectId}|${g.definitionId}|${g.period}`) ?? null;
    g.plan.action = !e ? "create" : dec(e.value).eq(dec(g.value)) ? "unchanged" : "update";
    return { ...g, existing: e };
  });
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of out) if (r.action) counts[r.action] += 1;
  return { plan: { rows: out, errorRows: out.filter((r) => r.errors.length).length, counts }, targets };
}

export type KpiUploadPlan = Awaited<ReturnType<typeof plan>>["plan"];

export async function dryRunKpiUpload({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<KpiUploadPlan>> {
  return mutate({
    name: "dryRunKpiUpload",
    schema: kpiUploadSchema,
    input,
    viewer,
    permission: "kpi:edit",
    run: async ({ tx, viewer, grant, input }) => (await plan(tx, viewer, grant, input.rows)).plan,
  });
}

export async function applyKpiUpload({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<KpiUploadPlan>> {
  return mutate({
    name: "applyKpiUpload",
    schema: kpiUploadSchema,
    input,
    viewer,
    permission: "kpi:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const { plan: result, targets } = await plan(tx, viewer, grant, input.rows);
      if (result.errorRows) throw new AppError("BAD_REQUEST", { key: "rowErrorsNothingApplied", params: { rows: result.errorRows } }, undefined, result);
      const creates = targets.filter((t) => t.plan.action === "create");
      if (creates.length)
        await tx.kpiActual.createMany({
          data: creates.map((t) => ({ projectId: t.projectId, definitionId: t.definitionId, period: periodToDate(t.period), value: t.value })),
        });
      const updates = targets.filter((t) => t.plan.action === "update");
      for (const t of updates) {
        const w = await tx.kpiActual.updateMany({
          where: { id: t.existing!.id, version: t.existing!.version },
          data: { value: t.value, version: t.existing!.version + 1 },
        });
        if (w.count !== 1) throw new AppError("CONFLICT", "capexKpiValueRace");
      }
      const changed = [...creates, ...updates];
      for (const projectId of new Set(changed.map((t) => t.projectId))) {
        const ts = changed.filter((t) => t.projectId === projectId);
        await recordAudit(tx, viewer, {
          action: "kpi.upload.apply",
          entityType: "Project",
          entityId: projectId,
          after: {
            created: ts.filter((t) => !t.existing).length,
            updated: ts.filter((t) => t.existing).length,
            changes: ts.slice(0, 500).map((t) => ({ period: t.period, before: t.existing?.value.toString() ?? null, after: t.value })),
          },
        });
      }
      return result;
    },
  });
}
