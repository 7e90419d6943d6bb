import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Viewer } from "../auth/session";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { mutate, type MutationResult } from "../server/mutation";
import { reportingRuleClearSchema, reportingRuleSetSchema } from "./reporting-rule.validation";

const STALE = "ruleChanged";
const fields = { dueDay: true, remindDaysBefore: true, pmoGraceDays: true, groupGraceDays: true } as const;

async function unitId(tx: Prisma.TransactionClient, code: string): Promise<string | null> {
  if (!code) return null;
  const u = await tx.orgUnit.findUnique({ where: { code }, select: { id: true, archivedAt: true } });
  if (!u) throw new AppError("NOT_FOUND", { key: "noUnitNamed", params: { code: code } });
  return u.id;
}

/**
 * Sets the due-date and escalation rule of the group (unit "") or of one unit
 * (its subtree inherits it unless a unit below has its own). Optimistic: the
 * admin's version must be the rule's (0 when the unit had none).
 */
export function setReportingRule({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ version: number }>> {
  return mutate({
    name: "setReportingRule",
    schema: reportingRuleSetSchema,
    input,
    viewer,
    permission: "report:configure",
    run: async ({ tx, viewer, input }) => {
      const id = await unitId(tx, input.unit);
      const data = { dueDay: input.dueDay, remindDaysBefore: input.remindDaysBefore, pmoGraceDays: input.pmoGraceDays, groupGraceDays: input.groupGraceDays };
      // unitId is unique, but NULLs are distinct in PostgreSQL: the group's row is found, never upserted.
      const existing = await tx.reportingRule.findFirst({ where: { unitId: id }, select: { id: true, version: true, ...fields } });
      let version: number;
      if (existing) {
        if (existing.version !== input.version) throw new AppError("CONFLICT", STALE);
        const r = await tx.reportingRule.updateMany({ where: { id: existing.id, version: input.version }, data: { ...data, version: { increment: 1 } } });
        if (r.count !== 1) throw new AppError("CONFLICT", STALE);
        version = input.version + 1;
      } else {
        if (input.version !== 0) throw new AppError("CONFLICT", STALE);
        try {
          await tx.reportingRule.create({ data: { unitId: id, ...data } });
        } catch (err) {
          if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", STALE);
          throw err;
        }
        version = 1;
      }
      const before = existing
        ? { dueDay: existing.dueDay, remindDaysBefore: existing.remindDaysBefore, pmoGraceDays: existing.pmoGraceDays, groupGraceDays: existing.groupGraceDays }
        : undefined;
      await recordAudit(tx, viewer, {
        action: "reporting.rule.set",
        entityType: "ReportingRule",
        entityId: input.unit || "group",
        before,
        after: data,
        reason: input.reason || undefined,
      });
      return { version };
    },
  });
}

/** Removes a unit's own rule: it inherits its parent's (or the group's) again. The group default cannot be removed. */
export function clearReportingRule({ viewer, input }: { viewer: Viewer | null; input: unknown }): Promise<MutationResult<{ cleared: true }>> {
  return mutate({
    name: "clearReportingRule",
    schema: reportingRuleClearSchema,
    input,
    viewer,
    permission: "report:configure",
    run: async ({ tx, viewer, input }) => {
      const id = await unitId(tx, input.unit);
      const existing = await tx.reportingRule.findFirst({ where: { unitId: id }, select: { id: true, version: true, ...fields } });
      if (!existing) throw new AppError("NOT_FOUND", "unitHasNoRule");
      const r = await tx.reportingRule.deleteMany({ where: { id: existing.id, version: input.version } });
      if (r.count !== 1) throw new AppError("CONFLICT", STALE);
      await recordAudit(tx, viewer, {
        action: "reporting.rule.clear",
        entityType: "ReportingRule",
        entityId: input.unit,
        before: {
          dueDay: existing.dueDay,
          remindDaysBefore: existing.remindDaysBefore,
          pmoGraceDays: existing.pmoGraceDays,
          groupGraceDays: existing.groupGraceDays,
        },
        reason: input.reason || undefined,
      });
      return { cleared: true as const };
    },
  });
}
