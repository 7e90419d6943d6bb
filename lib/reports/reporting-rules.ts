import type { PrismaClient, Prisma } from "../db/generated/client";
import type { DueRule } from "./periods";

export const GROUP_DEFAULT_RULE: DueRule = { dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10 };

/**
 * The due-date rule for an organization unit: its own row, else the group's
 * (unitId null), else the built-in default. Until the organization tree lands
 * every project uses the group rule; it then passes the project's unit (and
 * walks up to its parents) here.
 */
export async function reportingRuleFor(client: PrismaClient | Prisma.TransactionClient, unitId: string | null): Promise<DueRule> {
  const rows = await client.reportingRule.findMany({ where: { OR: [{ unitId: null }, ...(unitId ? [{ unitId }] : [])] } });
  const row = rows.find((r) => r.unitId === unitId && unitId) ?? rows.find((r) => r.unitId === null);
  return row ? { dueDay: row.dueDay, remindDaysBefore: row.remindDaysBefore, pmoGraceDays: row.pmoGraceDays, groupGraceDays: row.groupGraceDays } : GROUP_DEFAULT_RULE;
}
