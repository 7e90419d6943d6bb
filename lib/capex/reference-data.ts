import "server-only";
import { cache } from "react";
import { db } from "../db/client";

/**
 * The reference data the capex and KPI forms choose from: the cost-category
 * tree in order (a child after its parent) and the KPI definitions. Rates are
 * listed too, marked computed: they are never entered.
 */
export interface CostCategoryOption {
  key: string;
  nameEn: string;
  nameZh: string;
  parentKey: string | null;
  depth: number;
}
export interface KpiDefinitionOption {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: string;
  category: "PRODUCTION" | "SAFETY" | "ESG";
  direction: "HIGHER_BETTER" | "LOWER_BETTER";
  aggregation: "SUM" | "AVERAGE" | "LAST" | "RATIO";
  numeratorKeys: string[];
  denominatorKeys: string[];
}
export interface RateSetView {
  name: string;
  effectiveFrom: string;
  rates: { currency: string; toCny: string; toUsd: string }[];
}
export interface CapexReference {
  categories: CostCategoryOption[];
  kpis: KpiDefinitionOption[];
}

export const getCapexReference = cache(async (): Promise<CapexReference> => {
  const prisma = await db();
  const [categories, kpis] = await Promise.all([
    prisma.costCategory.findMany({
      select: { id: true, key: true, nameEn: true, nameZh: true, parentId: true, sortOrder: true },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    }),
    prisma.kpiDefinition.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
  ]);
  return {
    categories: treeOrder(categories),
    kpis: kpis.map((k) => ({
      key: k.key,
      nameEn: k.nameEn,
      nameZh: k.nameZh,
      unit: k.unit,
      category: k.category,
      direction: k.direction,
      aggregation: k.aggregation,
      numeratorKeys: k.numeratorKeys,
      denominatorKeys: k.denominatorKeys,
    })),
  };
});

export async function listRateSets(): Promise<RateSetView[]> {
  const prisma = await db();
  const sets = await prisma.exchangeRateSet.findMany({
    include: { rates: { orderBy: { currency: "asc" } } },
    orderBy: [{ effectiveFrom: "desc" }, { name: "asc" }],
  });
  return sets.map((s) => ({
    name: s.name,
    effectiveFrom: s.effectiveFrom.toISOString().slice(0, 7),
    rates: s.rates.map((r) => ({ currency: r.currency, toCny: r.toCny.toString(), toUsd: r.toUsd.toString() })),
  }));
}

/** Depth-first, siblings in sort order: how the tree reads in a select. */
function treeOrder(rows: { id: string; key: string; nameEn: string; nameZh: string; parentId: string | null }[]): CostCategoryOption[] {
  const keyOf = new Map(rows.map((r) => [r.id, r.key]));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: CostCategoryOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ key: r.key, nameEn: r.nameEn, nameZh: r.nameZh, parentKey: r.parentId ? (keyOf.get(r.parentId) ?? null) : null, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
