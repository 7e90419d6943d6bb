import "server-only";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record-audit";
import { dec, periodToDate } from "../capex/money";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { findWritableProject } from "../projects/project-access";
import { mutate, type MutationResult } from "../server/mutation";
import { kpiActualSetSchema, kpiCapacitySetSchema, kpiDefinitionCreateSchema, kpiTargetSetSchema } from "./kpi.validation";

/** KPI writes: one audited transaction each, scoped to a project the caller may edit, versioned. */
type Args = { viewer: Viewer | null; slug: string; input: unknown };

const conflict = () => new AppError("CONFLICT", "kpiValueConflict");

async function enterableDefinition(tx: Prisma.TransactionClient, key: string) {
  const d = await tx.kpiDefinition.findUnique({ where: { key } });
  if (!d) throw new AppError("BAD_REQUEST", { key: "unknownKpi", params: { code: key } }, { kpi: "unknownKpiShort" });
  if (d.aggregation === "RATIO") throw new AppError("BAD_REQUEST", { key: "kpiComputed", params: { name: d.nameEn } }, { kpi: "kpiComputedField" });
  return d;
}

/** Creates or corrects one monthly actual (one per project × KPI × month). */
export async function setKpiActual({ viewer, slug, input }: Args): Promise<MutationResult<{ version: number; created: boolean }>> {
  return mutate({
    name: "setKpiActual",
    schema: kpiActualSetSchema,
    input,
    viewer,
    permission: "kpi:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const d = await enterableDefinition(tx, input.kpi);
      const period = periodToDate(input.period);
      const existing = await tx.kpiActual.findUnique({ where: { projectId_definitionId_period: { projectId: p.id, definitionId: d.id, period } } });
      if (!existing) {
        const a = await tx.kpiActual.create({
          data: { projectId: p.id, definitionId: d.id, period, value: input.value, externalRef: input.externalRef ?? null },
        });
        await recordAudit(tx, viewer, {
          action: "kpi.actual.create",
          entityType: "KpiActual",
          entityId: a.id,
          after: { project: slug, kpi: input.kpi, period: input.period, value: input.value },
        });
        return { version: 1, created: true };
      }
      if (input.version === undefined)
        throw new AppError(
          "BAD_REQUEST",
          "kpiMonthNeedsVersion",
          { version: "requiredExistingValue" },
          { existing: { version: existing.version, value: existing.value.toString() } },
        );
      const written = await tx.kpiActual.updateMany({
        where: { id: existing.id, version: input.version },
        data: { value: input.value, version: input.version + 1, externalRef: input.externalRef ?? existing.externalRef },
      });
      if (written.count !== 1) throw conflict();
      await recordAudit(tx, viewer, {
        action: "kpi.actual.update",
        entityType: "KpiActual",
        entityId: existing.id,
        before: { value: existing.value.toString() },
        after: { value: dec(input.value).toString() },
      });
      return { version: input.version + 1, created: false };
    },
  });
}

export async function setKpiTarget({ viewer, slug, input }: Args): Promise<MutationResult<{ version: number }>> {
  return mutate({
    name: "setKpiTarget",
    schema: kpiTargetSetSchema,
    input,
    viewer,
    permission: "kpi:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const d = await tx.kpiDefinition.findUnique({ where: { key: input.kpi } });
      if (!d) throw new AppError("BAD_REQUEST", { key: "unknownKpi", params: { code: input.kpi } }, { kpi: "unknownKpiShort" });
      const period = periodToDate(input.period);
      const where = { projectId_definitionId_series_period: { projectId: p.id, definitionId: d.id, series: input.series, period } };
      const existing = await tx.kpiTarget.findUnique({ where });
      let version = 1;
      if (!existing) await tx.kpiTarget.create({ data: { projectId: p.id, definitionId: d.id, series: input.series, period, value: input.value } });
      else {
        if (input.version === undefined)
          throw new AppError(
            "BAD_REQUEST",
            "kpiTargetNeedsVersion",
            { version: "requiredExistingTarget" },
            { existing: { version: existing.version, value: existing.value.toString() } },
          );
        if (input.version !== existing.version) throw conflict();
        const written = await tx.kpiTarget.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { value: input.value, version: existing.version + 1 },
        });
        if (written.count !== 1) throw conflict();
        version = existing.version + 1;
      }
      await recordAudit(tx, viewer, {
        action: "kpi.target.set",
        entityType: "KpiTarget",
        entityId: `${p.id}:${d.key}:${input.series}:${input.period}`,
        before: existing ? { value: existing.value.toString() } : null,
        after: { value: input.value },
      });
      return { version };
    },
  });
}

export async function setDesignCapacity({ viewer, slug, input }: Args): Promise<MutationResult<{ version: number }>> {
  return mutate({
    name: "setDesignCapacity",
    schema: kpiCapacitySetSchema,
    input,
    viewer,
    permission: "kpi:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const d = await enterableDefinition(tx, input.kpi);
      if (d.category !== "PRODUCTION") throw new AppError("BAD_REQUEST", "kpiCapacityProductionOnly", { kpi: "chooseProductionKpi" });
      const existing = await tx.kpiDesignCapacity.findUnique({ where: { projectId_definitionId: { projectId: p.id, definitionId: d.id } } });
      let version = 1;
      if (!existing) await tx.kpiDesignCapacity.create({ data: { projectId: p.id, definitionId: d.id, monthlyValue: input.monthlyValue } });
      else {
        if (input.version !== existing.version) throw conflict();
        const written = await tx.kpiDesignCapacity.updateMany({
          where: { projectId: p.id, definitionId: d.id, version: existing.version },
          data: { monthlyValue: input.monthlyValue, version: existing.version + 1 },
        });
        if (written.count !== 1) throw conflict();
        version = existing.version + 1;
      }
      await recordAudit(tx, viewer, {
        action: "kpi.capacity.set",
        entityType: "KpiDesignCapacity",
        entityId: `${p.id}:${d.key}`,
        before: existing ? { monthlyValue: existing.monthlyValue.toString() } : null,
        after: { monthlyValue: input.monthlyValue },
      });
      return { version };
    },
  });
}

export async function createKpiDefinition({ viewer, input }: Omit<Args, "slug">): Promise<MutationResult<{ id: string }>> {
  return mutate({
    name: "createKpiDefinition",
    schema: kpiDefinitionCreateSchema,
    input,
    viewer,
    permission: "kpi:reference",
    run: async ({ tx, viewer, input }) => {
      if (await tx.kpiDefinition.findUnique({ where: { key: input.key } })) throw new AppError("CONFLICT", { key: "kpiExists", params: { code: input.key } });
      const refs = [...input.numeratorKeys, ...input.denominatorKeys];
      if (refs.length && (await tx.kpiDefinition.count({ where: { key: { in: refs }, aggregation: { not: "RATIO" } } })) !== new Set(refs).size)
        throw new AppError("BAD_REQUEST", "kpiRatioPartsUnknown", { numeratorKeys: "unknownKpiShort" });
      const last = await tx.kpiDefinition.aggregate({ _max: { sortOrder: true } });
      const d = await tx.kpiDefinition.create({ data: { ...input, scale: input.scale ?? null, sortOrder: (last._max.sortOrder ?? 0) + 10 } });
      await recordAudit(tx, viewer, { action: "kpi.definition.create", entityType: "KpiDefinition", entityId: d.id, after: input });
      return { id: d.id };
    },
  });
}
