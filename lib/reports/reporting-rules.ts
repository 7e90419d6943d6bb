import type { PrismaClient, Prisma } from "../db/generated/client";
import type { DueRule } from "./periods";

export const GROUP_DEFAULT_RULE: DueRule = { dueDay: 5, remindDaysBefore: 3, pmoGraceDays: 3, groupGraceDays: 10 };

/** The due-date rules of the whole tree: a unit's own, else its nearest ancestor's, else the group's. */
export interface RuleBook {
  /** the group default (unitId null), else the built-in one */
  group: DueRule;
  /** the rule of the unit at `path` ("/GRP/MMG/BR/"): its own row, else the nearest ancestor's, else the group's */
  forPath(path: string): DueRule;
}

const toRule = (r: { dueDay: number; remindDaysBefore: number; pmoGraceDays: number; groupGraceDays: number }): DueRule => ({
  dueDay: r.dueDay,
  remindDaysBefore: r.remindDaysBefore,
  pmoGraceDays: r.pmoGraceDays,
  groupGraceDays: r.groupGraceDays,
});

/**
 * Loads every rule and the units' paths once (tens of rows) and answers per
 * unit path from memory: the pack, the compliance card and the reminder sweep
 * ask for thousands of projects.
 */
export async function loadRuleBook(client: PrismaClient | Prisma.TransactionClient): Promise<RuleBook> {
  const rules = await client.reportingRule.findMany();
  const group = rules.find((r) => r.unitId === null);
  const groupRule = group ? toRule(group) : GROUP_DEFAULT_RULE;
  const unitRules = rules.filter((r) => r.unitId !== null);
  if (!unitRules.length) return { group: groupRule, forPath: () => groupRule };
  const units = await client.orgUnit.findMany({ where: { id: { in: unitRules.map((r) => r.unitId!) } }, select: { id: true, path: true } });
  const byPath = new Map(units.map((u) => [u.path, toRule(unitRules.find((r) => r.unitId === u.id)!)]));
  const cache = new Map<string, DueRule>();
  return {
    group: groupRule,
    forPath(path) {
      const hit = cache.get(path);
      if (hit) return hit;
      let found = groupRule;
      // "/GRP/MMG/BR/" → "/GRP/MMG/BR/", "/GRP/MMG/", "/GRP/": the nearest rule wins
      const parts = path.split("/").filter(Boolean);
      for (let n = parts.length; n > 0; n--) {
        const r = byPath.get(`/${parts.slice(0, n).join("/")}/`);
        if (r) {
          found = r;
          break;
        }
      }
      cache.set(path, found);
      return found;
    },
  };
}

/** The rule for one unit (by its path), or the group's (null). */
export async function reportingRuleFor(client: PrismaClient | Prisma.TransactionClient, unitPath: string | null): Promise<DueRule> {
  const book = await loadRuleBook(client);
  return unitPath ? book.forPath(unitPath) : book.group;
}

export interface RuleRow {
  /** "" for the group default */
  unit: string;
  unitNameEn: string;
  unitNameZh: string | null;
  rule: DueRule;
  /** 0: no row yet (the group default is the built-in one) */
  version: number;
}

/** The admin's view: the group default, then every unit with a rule of its own, in tree order. */
export async function listReportingRules(client: PrismaClient | Prisma.TransactionClient): Promise<RuleRow[]> {
  const rules = await client.reportingRule.findMany();
  const units = await client.orgUnit.findMany({
    where: { id: { in: rules.map((r) => r.unitId).filter((id): id is string => id !== null) } },
    select: { id: true, code: true, path: true, nameEn: true, nameZh: true },
  });
  const group = rules.find((r) => r.unitId === null);
  const rows: RuleRow[] = [{ unit: "", unitNameEn: "", unitNameZh: null, rule: group ? toRule(group) : GROUP_DEFAULT_RULE, version: group?.version ?? 0 }];
  for (const u of units.sort((a, b) => a.path.localeCompare(b.path))) {
    const r = rules.find((x) => x.unitId === u.id)!;
    rows.push({ unit: u.code, unitNameEn: u.nameEn, unitNameZh: u.nameZh, rule: toRule(r), version: r.version });
  }
  return rows;
}
