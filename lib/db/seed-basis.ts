import { randomUUID } from "node:crypto";
import type { Prisma } from "./generated/client";
import type { BasisFact, SeedBasis, SeedProject, SeedQuote } from "./seed-types";

/**
 * Which facts a seed project states, and what each rests on: the quotes whose
 * supports name it (SOURCE), or one SeedBasis (a public fact, an inference).
 * The loader writes one FactBasis row per fact that has a basis; the seed test
 * checks that every fact of the real portfolio has exactly one.
 */
export interface StatedFact {
  fact: BasisFact;
  milestoneKey?: string;
}

/** The facts a project states. A health of NOT_ASSESSED states nothing (it is the absence of a verdict). */
export function statedFacts(p: SeedProject): StatedFact[] {
  const facts: StatedFact[] = [{ fact: "stage" }, { fact: "kind" }, { fact: "businessLine" }];
  if (p.health !== "NOT_ASSESSED") facts.push({ fact: "health" });
  if (p.commodities.length) facts.push({ fact: "commodities" });
  if (p.countryCode !== undefined) facts.push({ fact: "country" });
  if (p.subdivision !== undefined) facts.push({ fact: "subdivision" });
  if (p.operatingCompany !== undefined) facts.push({ fact: "operatingCompany" });
  if (p.actualFinish !== undefined) facts.push({ fact: "actualFinish" });
  if (p.nameZh !== undefined) facts.push({ fact: "nameZh" });
  if (p.programme !== undefined) facts.push({ fact: "programme" });
  for (const m of p.milestones) facts.push({ fact: "milestone", milestoneKey: m.key });
  return facts;
}

const sameFact = (a: StatedFact, b: StatedFact) => a.fact === b.fact && (a.milestoneKey ?? null) === (b.milestoneKey ?? null);

/** The quotes that state a fact: their supports name it (and, for a milestone, they carry its key). */
export function quotesFor(p: SeedProject, f: StatedFact): SeedQuote[] {
  return p.quotes.filter((q) => q.supports.includes(f.fact) && (f.fact !== "milestone" || q.milestoneKey === f.milestoneKey));
}

/** The non-quote bases given for a fact (more than one is an error the seed test reports). */
export function basesFor(p: SeedProject, f: StatedFact): SeedBasis[] {
  return (p.bases ?? []).filter((b) => sameFact(b, f));
}

/** FactBasis rows for a project's facts that have a basis (synthetic and test projects have none). */
export function factBasisRows(p: SeedProject, projectId: string, milestoneIds: Map<string, string>): Prisma.FactBasisCreateManyInput[] {
  const rows: Prisma.FactBasisCreateManyInput[] = [];
  for (const f of statedFacts(p)) {
    const milestoneId = f.milestoneKey === undefined ? null : (milestoneIds.get(f.milestoneKey) ?? null);
    const base = { id: randomUUID(), projectId, fact: f.fact, milestoneId };
    const other = basesFor(p, f)[0];
    if (quotesFor(p, f).length) rows.push({ ...base, kind: "SOURCE", note: "" });
    else if (other) rows.push({ ...base, kind: other.kind, note: other.note });
  }
  return rows;
}
