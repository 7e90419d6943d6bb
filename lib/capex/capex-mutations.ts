import "server-only";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record-audit";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { recordChange } from "../history/record-change";
import { findWritableProject } from "../projects/project-access";
import { mutate, type MutationResult } from "../server/mutation";
import {
  budgetApproveSchema,
  budgetLineSetSchema,
  budgetVersionCreateSchema,
  costCategoryCreateSchema,
  costLineSetSchema,
  projectCurrencySchema,
  rateSetCreateSchema,
} from "./capex.validation";
import { dec, periodToDate } from "./money";
import { convertOrThrow, loadRateSets } from "./rate-sets";

/**
 * Capex writes. Each goes through mutate() (schema → permission → one
 * transaction), finds the project through findWritableProject (scope in the
 * where), checks the record's version, and writes an audit entry.
 */
type Args = { viewer: Viewer | null; slug: string; input: unknown };

const conflict = (what: "budgetVersion" | "costLine" | "project") => new AppError("CONFLICT", { key: "capexConflict", params: { what } });

async function categoryByKey(tx: Prisma.TransactionClient, key: string) {
  const c = await tx.costCategory.findUnique({ where: { key }, select: { id: true } });
  if (!c) throw new AppError("BAD_REQUEST", { key: "unknownCostCategory", params: { key: key } }, { category: "unknownCostCategoryShort" });
  return c;
}

async function draftVersion(tx: Prisma.TransactionClient, projectId: string, versionId: string) {
  const v = /^[0-9a-f-]{36}$/i.test(versionId) ? await tx.budgetVersion.findFirst({ where: { id: versionId, projectId } }) : null;
  if (!v) throw new AppError("NOT_FOUND", "capexNoSuchVersion");
  if (v.state === "APPROVED") throw new AppError("CONFLICT", "capexVersionApproved");
  return v;
}

export async function createBudgetVersion({ viewer, slug, input }: Args): Promise<MutationResult<{ id: string; version: number }>> {
  return mutate({
    name: "createBudgetVersion",
    schema: budgetVersionCreateSchema,
    input,
    viewer,
    permission: "capex:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, currency: true } });
      const v = await tx.budgetVersion.create({
        data: { projectId: p.id, kind: input.kind, label: input.label, currency: p.currency, createdById: viewer.id, createdByName: viewer.name },
      });
      let copied = 0;
      if (input.copyCurrent) {
        const current = await tx.budgetVersion.findFirst({
          where: { projectId: p.id, state: "APPROVED" },
          orderBy: { approvedAt: "desc" },
          include: { lines: true },
        });
        if (current?.lines.length) {
          const r = await tx.budgetLine.createMany({
            data: current.lines.map((l) => ({
              budgetVersionId: v.id,
              categoryId: l.categoryId,
              period: l.period,
              amount: l.amount,
              currency: l.currency,
              amountCny: l.amountCny,
              amountUsd: l.amountUsd,
              rateSetId: l.rateSetId,
            })),
          });
          copied = r.count;
        }
      }
      await recordAudit(tx, viewer, {
        action: "capex.budget.create",
        entityType: "BudgetVersion",
        entityId: v.id,
        after: { project: slug, kind: v.kind, label: v.label, currency: v.currency, copiedLines: copied },
      });
      return { id: v.id, version: v.version };
    },
  });
}

/** Sets one month × category of a draft version (an amount of 0 removes the line). */
export async function setBudgetLine({ viewer, slug, versionId, input }: Args & { versionId: string }): Promise<MutationResult<{ version: number }>> {
  return mutate({
    name: "setBudgetLine",
    schema: budgetLineSetSchema,
    input,
    viewer,
    permission: "capex:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, currency: true } });
      const v = await draftVersion(tx, p.id, versionId);
      if (v.version !== input.version) throw conflict("budgetVersion");
      const category = await categoryByKey(tx, input.category);
      const period = periodToDate(input.period);
      const amount = dec(input.amount);
      const existing = await tx.budgetLine.findUnique({
        where: { budgetVersionId_categoryId_period: { budgetVersionId: v.id, categoryId: category.id, period } },
      });
      if (amount.isZero()) {
        if (existing) await tx.budgetLine.delete({ where: { id: existing.id } });
      } else {
        const converted = convertOrThrow(await loadRateSets(tx), amount, v.currency, input.period, input.rateSet);
        const data = { amount: input.amount, currency: v.currency, ...converted };
        if (existing) await tx.budgetLine.update({ where: { id: existing.id }, data });
        else await tx.budgetLine.create({ data: { budgetVersionId: v.id, categoryId: category.id, period, ...data } });
      }
      const written = await tx.budgetVersion.updateMany({ where: { id: v.id, version: v.version, state: "DRAFT" }, data: { version: v.version + 1 } });
      if (written.count !== 1) throw conflict("budgetVersion");
      await recordAudit(tx, viewer, {
        action: "capex.budget.line.set",
        entityType: "BudgetVersion",
        entityId: v.id,
        before: existing ? { category: input.category, period: input.period, amount: existing.amount.toFixed(2), currency: existing.currency } : null,
        after: { category: input.category, period: input.period, amount: amount.toFixed(2), currency: v.currency },
      });
      return { version: v.version + 1 };
    },
  });
}

/** Approves a draft: from now on the version and its lines are final (app and trigger). */
export async function approveBudgetVersion({ viewer, slug, versionId, input }: Args & { versionId: string }): Promise<MutationResult<{ approvedAt: Date }>> {
  return mutate({
    name: "approveBudgetVersion",
    schema: budgetApproveSchema,
    input,
    viewer,
    permission: "capex:approve",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true } });
      const v = await draftVersion(tx, p.id, versionId);
      if (v.version !== input.version) throw conflict("budgetVersion");
      const lines = await tx.budgetLine.count({ where: { budgetVersionId: v.id } });
      if (!lines) throw new AppError("BAD_REQUEST", "capexBudgetNeedsLine");
      const approvedAt = new Date();
      const written = await tx.budgetVersion.updateMany({
        where: { id: v.id, version: v.version, state: "DRAFT" },
        data: { state: "APPROVED", approvedAt, approvedById: viewer.id, approvedByName: viewer.name, version: v.version + 1 },
      });
      if (written.count !== 1) throw conflict("budgetVersion");
      await recordAudit(tx, viewer, {
        action: "capex.budget.approve",
        entityType: "BudgetVersion",
        entityId: v.id,
        before: { state: "DRAFT" },
        after: { state: "APPROVED", project: slug, lines },
      });
      return { approvedAt };
    },
  });
}

/** Creates or corrects one committed/actual/forecast line, keyed by its external reference. */
export async function setCostLine({ viewer, slug, input }: Args): Promise<MutationResult<{ id: string; version: number; created: boolean }>> {
  return mutate({
    name: "setCostLine",
    schema: costLineSetSchema,
    input,
    viewer,
    permission: "capex:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, currency: true } });
      if (input.currency !== p.currency)
        throw new AppError(
          "BAD_REQUEST",
          { key: "capexCurrencyMismatch", params: { projectCurrency: p.currency, currency: input.currency } },
          {
            currency: { key: "useProjectCurrency", params: { currency: p.currency } },
          },
        );
      const category = await categoryByKey(tx, input.category);
      const converted = convertOrThrow(await loadRateSets(tx), dec(input.amount), input.currency, input.period, input.rateSet);
      const data = {
        categoryId: category.id,
        measure: input.measure,
        period: periodToDate(input.period),
        amount: input.amount,
        currency: input.currency,
        ...converted,
      };
      const existing = await tx.costLine.findUnique({ where: { projectId_externalRef: { projectId: p.id, externalRef: input.externalRef } } });
      if (!existing) {
        const line = await tx.costLine.create({ data: { projectId: p.id, externalRef: input.externalRef, ...data } });
        await recordAudit(tx, viewer, { action: "capex.cost.create", entityType: "CostLine", entityId: line.id, after: { project: slug, ...input } });
        return { id: line.id, version: line.version, created: true };
      }
      // The form shows what is stored and lets its user replace it knowingly: the version travels back with the decision.
      if (input.version === undefined)
        throw new AppError(
          "BAD_REQUEST",
          "capexRefNeedsVersion",
          { version: "requiredExistingLine" },
          {
            existing: {
              version: existing.version,
              amount: existing.amount.toFixed(2),
              measure: existing.measure,
              period: existing.period.toISOString().slice(0, 7),
            },
          },
        );
      const written = await tx.costLine.updateMany({ where: { id: existing.id, version: input.version }, data: { ...data, version: input.version + 1 } });
      if (written.count !== 1) throw conflict("costLine");
      await recordAudit(tx, viewer, {
        action: "capex.cost.update",
        entityType: "CostLine",
        entityId: existing.id,
        before: {
          measure: existing.measure,
          period: existing.period.toISOString().slice(0, 7),
          amount: existing.amount.toFixed(2),
          currency: existing.currency,
        },
        after: { measure: input.measure, period: input.period, amount: dec(input.amount).toFixed(2), currency: input.currency },
      });
      return { id: existing.id, version: input.version + 1, created: false };
    },
  });
}

/** Changes a project's currency: only while it has no budget or cost line (the trigger says so too). */
export async function setProjectCurrency({ viewer, slug, input }: Args): Promise<MutationResult<{ version: number }>> {
  return mutate({
    name: "setProjectCurrency",
    schema: projectCurrencySchema,
    input,
    viewer,
    permission: "capex:edit",
    run: async ({ tx, viewer, grant, input }) => {
      const p = await findWritableProject(tx, { slug, viewer, grant, select: { id: true, currency: true, version: true } });
      if (p.version !== input.version) throw conflict("project");
      if (p.currency === input.currency) throw new AppError("BAD_REQUEST", "capexCurrencyUnchanged");
      const [versions, lines] = await Promise.all([tx.budgetVersion.count({ where: { projectId: p.id } }), tx.costLine.count({ where: { projectId: p.id } })]);
      if (versions || lines)
        throw new AppError("CONFLICT", "capexCurrencyFixed", {
          currency: "currencyFixedField",
        });
      const written = await tx.project.updateMany({ where: { id: p.id, version: p.version }, data: { currency: input.currency, version: p.version + 1 } });
      if (written.count !== 1) throw conflict("project");
      await recordChange(tx, {
        projectId: p.id,
        viewer,
        comment: "",
        version: p.version + 1,
        changes: [{ field: "currency", before: p.currency, after: input.currency }],
      });
      return { version: p.version + 1 };
    },
  });
}

export async function createRateSet({ viewer, input }: Omit<Args, "slug">): Promise<MutationResult<{ id: string }>> {
  return mutate({
    name: "createRateSet",
    schema: rateSetCreateSchema,
    input,
    viewer,
    permission: "capex:reference",
    run: async ({ tx, viewer, input }) => {
      if (await tx.exchangeRateSet.findUnique({ where: { name: input.name } }))
        throw new AppError("CONFLICT", { key: "rateSetExists", params: { name: input.name } });
      const set = await tx.exchangeRateSet.create({
        data: { name: input.name, effectiveFrom: periodToDate(input.effectiveFrom), rates: { createMany: { data: input.rates } } },
      });
      await recordAudit(tx, viewer, { action: "capex.rateset.create", entityType: "ExchangeRateSet", entityId: set.id, after: input });
      return { id: set.id };
    },
  });
}

export async function createCostCategory({ viewer, input }: Omit<Args, "slug">): Promise<MutationResult<{ id: string }>> {
  return mutate({
    name: "createCostCategory",
    schema: costCategoryCreateSchema,
    input,
    viewer,
    permission: "capex:reference",
    run: async ({ tx, viewer, input }) => {
      if (await tx.costCategory.findUnique({ where: { key: input.key } }))
        throw new AppError("CONFLICT", { key: "costCategoryExists", params: { key: input.key } });
      const parent = input.parent ? await categoryByKey(tx, input.parent) : null;
      const last = await tx.costCategory.aggregate({ _max: { sortOrder: true } });
      const c = await tx.costCategory.create({
        data: { key: input.key, nameEn: input.nameEn, nameZh: input.nameZh, parentId: parent?.id ?? null, sortOrder: (last._max.sortOrder ?? 0) + 10 },
      });
      await recordAudit(tx, viewer, { action: "capex.category.create", entityType: "CostCategory", entityId: c.id, after: input });
      return { id: c.id };
    },
  });
}
