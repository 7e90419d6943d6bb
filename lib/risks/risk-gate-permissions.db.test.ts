import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { uploadDocument } from "../documents/document-store";
import {
  addGateCondition,
  createGateReview,
  decideGateReview,
  respondToGateReview,
  setProjectGateProcess,
  updateGateCondition,
  updateGateReview,
} from "../gates/gate-mutations";
import type { MutationResult } from "../server/mutation";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { pdfOf, streamOf } from "../test/upload";
import { assignManager, createViewer } from "../test/viewers";
import { ensureRiskAndGateReferenceData } from "./ensure-reference-data";
import { assessRisk, createRisk, createRiskAction, updateRisk, updateRiskAction } from "./risk-mutations";

/**
 * Every new mutation × every kind of caller, against expectations written out
 * by hand (not derived from permissions.ts, so a wrong table fails).
 */
type Caller = "anonymous" | "admin" | "pmo" | "assignedManager" | "otherManager" | "executive" | "staff" | "unknownRole" | "noRole";
const CALLERS: Caller[] = ["anonymous", "admin", "pmo", "assignedManager", "otherManager", "executive", "staff", "unknownRole", "noRole"];
const A = "allowed";
const F = "FORBIDDEN";
const row = (over: Partial<Record<Caller, string>>): Record<Caller, string> => ({
  anonymous: "UNAUTHENTICATED",
  admin: F,
  pmo: F,
  assignedManager: F,
  otherManager: F,
  executive: F,
  staff: F,
  unknownRole: F,
  noRole: F,
  ...over,
});
const MANAGERS = { admin: A, pmo: A, assignedManager: A };
const PMO = { admin: A, pmo: A };

const EXPECTED = {
  createRisk: row(MANAGERS),
  updateRisk: row(MANAGERS),
  assessRisk: row(MANAGERS),
  createRiskAction: row(MANAGERS),
  updateRiskAction: row(MANAGERS),
  uploadDocument: row(MANAGERS),
  setGateProcess: row(PMO),
  createGateReview: row(PMO),
  updateGateReview: row(PMO),
  addGateCondition: row(PMO),
  decideGateReview: row(PMO),
  updateGateCondition: row(MANAGERS),
  // only the named approver (the executive here), whatever the role
  respondToGateReview: row({ executive: A }),
};
type Mutation = keyof typeof EXPECTED;

describe.each(testBackends())("risk, gate and document permission matrix on %s", (backend) => {
  const database = withTestDatabase(backend);
  const viewers = {} as Record<Caller, Viewer | null>;
  let n = 0;

  beforeAll(async () => {
    const prisma = database().prisma;
    await ensureRiskAndGateReferenceData(prisma);
    viewers.anonymous = null;
    for (const [caller, role] of [
      ["admin", "admin"],
      ["pmo", "pmo"],
      ["assignedManager", "manager"],
      ["otherManager", "manager"],
      ["executive", "executive"],
      ["staff", "staff"],
      ["unknownRole", "superuser"],
      ["noRole", null],
    ] as const)
      viewers[caller] = await createViewer(prisma, role);
  });

  type Fixture = { slug: string; riskId: string; actionId: string; reviewId: string; decidedConditionId: string };

  async function fresh(): Promise<Fixture> {
    const prisma = database().prisma;
    const slug = `perm-${++n}`;
    await loadPortfolio(prisma, { projects: [buildProject({ slug, stage: "FEASIBILITY" })] });
    await assignManager(prisma, viewers.assignedManager!, slug);
    const admin = viewers.admin!;
    const ok = <T>(r: MutationResult<T>): T => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.data;
    };
    const risk = ok(await createRisk({ viewer: admin, slug, input: { titleEn: "R", category: "SAFETY" } }));
    const action = ok(await createRiskAction({ viewer: admin, slug, riskId: risk.id, input: { title: "A" } }));
    ok(await setProjectGateProcess({ viewer: admin, slug, input: { processKey: "mining" } }));
    const review = ok(await createGateReview({ viewer: admin, slug, input: { gateKey: "construction", approverIds: [viewers.executive!.id] } }));
    const decided = ok(await createGateReview({ viewer: admin, slug, input: { gateKey: "commissioning" } }));
    const c = ok(await addGateCondition({ viewer: admin, slug, reviewId: decided.id, input: { textEn: "C", dueOn: "2026-01-01" } }));
    ok(
      await decideGateReview({ viewer: admin, slug, reviewId: decided.id, input: { version: 1, decision: "HOLD", rationaleEn: "Wait", heldOn: "2026-01-01" } }),
    );
    return { slug, riskId: risk.id, actionId: action.id, reviewId: review.id, decidedConditionId: c.id };
  }

  const RUN: Record<Mutation, (viewer: Viewer | null, f: Fixture) => Promise<MutationResult<unknown>>> = {
    createRisk: (viewer, f) => createRisk({ viewer, slug: f.slug, input: { titleEn: "New", category: "SAFETY" } }),
    updateRisk: (viewer, f) => updateRisk({ viewer, slug: f.slug, riskId: f.riskId, input: { version: 1, status: "OPEN" } }),
    assessRisk: (viewer, f) => assessRisk({ viewer, slug: f.slug, riskId: f.riskId, input: { kind: "RESIDUAL", probability: 2, impacts: { cost: 2 } } }),
    createRiskAction: (viewer, f) => createRiskAction({ viewer, slug: f.slug, riskId: f.riskId, input: { title: "B" } }),
    updateRiskAction: (viewer, f) => updateRiskAction({ viewer, slug: f.slug, riskId: f.riskId, actionId: f.actionId, input: { version: 1, status: "DONE" } }),
    uploadDocument: (viewer, f) => uploadDocument({ viewer, slug: f.slug, input: { fileName: "e.pdf", riskId: f.riskId }, body: streamOf(pdfOf(100)) }),
    setGateProcess: (viewer, f) => setProjectGateProcess({ viewer, slug: f.slug, input: { processKey: "mining" } }),
    createGateReview: (viewer, f) => createGateReview({ viewer, slug: f.slug, input: { gateKey: "operation" } }),
    updateGateReview: (viewer, f) => updateGateReview({ viewer, slug: f.slug, reviewId: f.reviewId, input: { version: 1, filingRef: "F-1" } }),
    addGateCondition: (viewer, f) => addGateCondition({ viewer, slug: f.slug, reviewId: f.reviewId, input: { textEn: "D", dueOn: "2027-01-01" } }),
    decideGateReview: (viewer, f) =>
      decideGateReview({ viewer, slug: f.slug, reviewId: f.reviewId, input: { version: 1, decision: "HOLD", rationaleEn: "Wait", heldOn: "2026-02-01" } }),
    updateGateCondition: (viewer, f) => updateGateCondition({ viewer, slug: f.slug, conditionId: f.decidedConditionId, input: { version: 1, status: "MET" } }),
    respondToGateReview: (viewer, f) => respondToGateReview({ viewer, slug: f.slug, reviewId: f.reviewId, input: { response: "APPROVED" } }),
  };

  const cases = (Object.keys(EXPECTED) as Mutation[]).flatMap((m) => CALLERS.map((c) => [m, c] as const));

  it.each(cases)("%s by %s", async (mutation, caller) => {
    const prisma = database().prisma;
    const f = await fresh();
    const audits = await prisma.auditEntry.count();
    const result = await RUN[mutation](viewers[caller], f);
    const outcome = result.ok ? A : result.error.code;
    expect(outcome).toBe(EXPECTED[mutation][caller]);
    // a refused write leaves no trace; an allowed one leaves its audit entry
    expect(await prisma.auditEntry.count()).toBe(result.ok ? audits + 1 : audits);
  });
});
