import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/session";
import { loadPortfolio } from "../db/seed";
import { uploadDocument } from "../documents/document-store";
import { getProject } from "../projects/get-project";
import { ensureRiskAndGateReferenceData } from "../risks/ensure-reference-data";
import { testBackends, withTestDatabase } from "../test/database";
import { buildProject } from "../test/factories";
import { pdfOf, streamOf } from "../test/upload";
import { assignManager, createViewer } from "../test/viewers";
import {
  addGateCondition,
  approvalsSatisfied,
  createGateReview,
  decideGateReview,
  respondToGateReview,
  setProjectGateProcess,
  updateGateCondition,
  updateGateReview,
} from "./gate-mutations";
import { getGateReview, overdueGateConditions } from "./gate-queries";

describe("approval rules", () => {
  it("any: one approval is enough; all: every approver; nobody named: never", () => {
    expect(approvalsSatisfied("ANY", ["PENDING", "APPROVED", "REJECTED"])).toBe(true);
    expect(approvalsSatisfied("ANY", ["PENDING", "REJECTED"])).toBe(false);
    expect(approvalsSatisfied("ALL", ["APPROVED", "APPROVED"])).toBe(true);
    expect(approvalsSatisfied("ALL", ["APPROVED", "PENDING"])).toBe(false);
    expect(approvalsSatisfied("ALL", ["APPROVED", "REJECTED"])).toBe(false);
    expect(approvalsSatisfied("ALL", [])).toBe(false);
    expect(approvalsSatisfied("ANY", [])).toBe(false);
  });
});

describe.each(testBackends())("gate reviews on %s", (backend) => {
  const database = withTestDatabase(backend);
  let pmo: Viewer;
  let manager: Viewer;
  let cfo: Viewer;
  let coo: Viewer;
  let n = 0;

  beforeAll(async () => {
    const prisma = database().prisma;
    await ensureRiskAndGateReferenceData(prisma);
    pmo = await createViewer(prisma, "pmo", "Pat PMO");
    manager = await createViewer(prisma, "manager", "Mei Manager");
    cfo = await createViewer(prisma, "executive", "Chen CFO");
    coo = await createViewer(prisma, "executive", "Olu COO");
  });

  /** A fresh mining project in FEASIBILITY with an open investment-decision review, two approvers. */
  async function freshReview(rule: "ANY" | "ALL" = "ALL") {
    const prisma = database().prisma;
    const slug = `gp-${++n}`;
    await loadPortfolio(prisma, { projects: [buildProject({ slug, stage: "FEASIBILITY" })] });
    await assignManager(prisma, manager, slug);
    expect(await setProjectGateProcess({ viewer: pmo, slug, input: { processKey: "mining" } })).toMatchObject({ ok: true });
    const r = await createGateReview({
      viewer: pmo,
      slug,
      input: { gateKey: "investment-decision", plannedOn: "2026-06-30", approvalRule: rule, approverIds: [cfo.id, coo.id] },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return { slug, reviewId: r.data.id };
  }

  async function evidenceAll(slug: string, reviewId: string) {
    const review = await getGateReview({ viewer: pmo, slug, reviewId });
    for (const d of review!.deliverables.filter((x) => x.mandatory)) {
      const u = await uploadDocument({ viewer: pmo, slug, input: { fileName: `${d.key}.pdf`, deliverableId: d.id }, body: streamOf(pdfOf(1000)) });
      expect(u.ok).toBe(true);
    }
  }

  const decide = (slug: string, reviewId: string, decision: string, version: number) =>
    decideGateReview({ viewer: pmo, slug, reviewId, input: { version, decision, rationaleEn: "Reviewed by the investment committee", heldOn: "2026-07-01" } });

  it("runs a review: two approvers (all), evidence, a condition, go with conditions; the stage follows, cited in history", async () => {
    const { slug, reviewId } = await freshReview("ALL");
    const review = await getGateReview({ viewer: pmo, slug, reviewId });
    expect(review!.deliverables.map((d) => [d.key, d.mandatory])).toEqual([
      ["fs-report", true],
      ["financial-model", true],
      ["eia-approval", true],
      ["board-paper", true],
      ["risk-register", false],
    ]);
    expect(
      await updateGateReview({
        viewer: pmo,
        slug,
        reviewId,
        input: {
          version: 1,
          approvedCapexAmount: "1250000000.00",
          approvedCapexCurrency: "CNY",
          boardResolutionRef: "BR-2026-07",
          filingRef: "SASAC-2026-118",
        },
      }),
    ).toMatchObject({ ok: true, data: { version: 2 } });
    expect(
      await addGateCondition({ viewer: pmo, slug, reviewId, input: { textEn: "Water licence before first blast", ownerId: manager.id, dueOn: "2026-09-30" } }),
    ).toMatchObject({ ok: true });

    // not yet: approvals missing, then evidence missing
    expect(await decide(slug, reviewId, "GO_WITH_CONDITIONS", 2)).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", fields: { decision: { key: "goNeedsAll" } } },
    });
    expect(await respondToGateReview({ viewer: cfo, slug, reviewId, input: { response: "REJECTED" } })).toMatchObject({
      ok: false,
      error: { fields: { reason: { key: "rejectionNeedsReason" } } },
    });
    expect(await respondToGateReview({ viewer: manager, slug, reviewId, input: { response: "APPROVED" } })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await respondToGateReview({ viewer: cfo, slug, reviewId, input: { response: "APPROVED" } })).toMatchObject({ ok: true });
    expect(await decide(slug, reviewId, "GO_WITH_CONDITIONS", 2)).toMatchObject({
      ok: false,
      error: { fields: { decision: { key: "goNeedsAll" } } },
    });
    expect(await respondToGateReview({ viewer: coo, slug, reviewId, input: { response: "APPROVED" } })).toMatchObject({ ok: true });
    expect(await decide(slug, reviewId, "GO_WITH_CONDITIONS", 2)).toMatchObject({
      ok: false,
      error: { fields: { decision: { key: "deliverablesWithoutEvidence", params: { names: expect.stringMatching(/^Feasibility study/) } } } },
    });
    await evidenceAll(slug, reviewId);
    expect(await decide(slug, reviewId, "GO", 2)).toMatchObject({ ok: false, error: { fields: { decision: { key: "reviewHasConditions" } } } });
    expect(await decide(slug, reviewId, "GO_WITH_CONDITIONS", 2)).toEqual({
      ok: true,
      data: { id: reviewId, decision: "GO_WITH_CONDITIONS", stage: "DESIGN" },
    });

    const project = await getProject({ slug, viewer: pmo });
    expect(project!.stage).toBe("DESIGN");
    const entry = project!.history.find((h) => h.changes.some((c) => c.field === "stage"))!;
    expect(entry.comment).toContain(reviewId);
    expect(entry.changes).toEqual([expect.objectContaining({ field: "stage", before: "FEASIBILITY", after: "DESIGN" })]);
    const decided = await getGateReview({ viewer: pmo, slug, reviewId });
    expect(decided).toMatchObject({
      decision: "GO_WITH_CONDITIONS",
      approvedCapex: { amount: "1250000000", currency: "CNY" },
      boardResolutionRef: "BR-2026-07",
      filingRef: "SASAC-2026-118",
    });
  });

  it("keeps a decided review final in the app and in the database; only a condition's status moves", async () => {
    const prisma = database().prisma;
    const { slug, reviewId } = await freshReview("ANY");
    await respondToGateReview({ viewer: cfo, slug, reviewId, input: { response: "REJECTED", reason: "Capex too high" } });
    expect(await decide(slug, reviewId, "GO", 1)).toMatchObject({ ok: false, error: { fields: { decision: { key: "goNeedsOne" } } } });
    expect(await decide(slug, reviewId, "RECYCLE", 1)).toMatchObject({ ok: true, data: { decision: "RECYCLE", stage: "FEASIBILITY" } });
    expect(await decide(slug, reviewId, "GO", 2)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await updateGateReview({ viewer: pmo, slug, reviewId, input: { version: 2, rationaleEn: "rewritten" } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await respondToGateReview({ viewer: coo, slug, reviewId, input: { response: "APPROVED" } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    expect(await addGateCondition({ viewer: pmo, slug, reviewId, input: { textEn: "Late", dueOn: "2026-01-01" } })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    const review = await getGateReview({ viewer: pmo, slug, reviewId });
    expect(
      await uploadDocument({ viewer: pmo, slug, input: { fileName: "late.pdf", deliverableId: review!.deliverables[0].id }, body: streamOf(pdfOf(100)) }),
    ).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // the database refuses whatever the app is bypassed with
    await expect(prisma.gateReview.update({ where: { id: reviewId }, data: { decision: "GO" } })).rejects.toThrow(/final/);
    await expect(prisma.gateReview.delete({ where: { id: reviewId } })).rejects.toThrow(/final|foreign key|violates/);
    await expect(prisma.gateApprover.updateMany({ where: { reviewId }, data: { response: "APPROVED" } })).rejects.toThrow(/final/);
    await expect(prisma.gateDeliverable.deleteMany({ where: { reviewId } })).rejects.toThrow(/final/);
    await expect(prisma.gateCondition.create({ data: { reviewId, textEn: "x", dueOn: new Date() } })).rejects.toThrow(/final/);
    expect((await prisma.gateReview.findUniqueOrThrow({ where: { id: reviewId } })).decision).toBe("RECYCLE");

    // a re-decision is a new review naming the old one
    const again = await createGateReview({
      viewer: pmo,
      slug,
      input: { gateKey: "investment-decision", approvalRule: "ANY", approverIds: [coo.id], supersedesId: reviewId },
    });
    expect(again.ok).toBe(true);
    expect(await createGateReview({ viewer: pmo, slug, input: { gateKey: "investment-decision", supersedesId: again.ok ? again.data.id : "" } })).toMatchObject(
      { ok: false, error: { fields: { supersedesId: { key: expect.any(String) } } } },
    );
  });

  it("lets a condition of a decided review be met; lists overdue conditions; the stage follows the last go standing", async () => {
    const prisma = database().prisma;
    const { slug, reviewId } = await freshReview("ANY");
    await respondToGateReview({ viewer: cfo, slug, reviewId, input: { response: "APPROVED" } });
    await addGateCondition({ viewer: pmo, slug, reviewId, input: { textEn: "Overdue condition", ownerId: manager.id, dueOn: "2020-01-31" } });
    await evidenceAll(slug, reviewId);
    expect(await decide(slug, reviewId, "GO_WITH_CONDITIONS", 1)).toMatchObject({ ok: true, data: { stage: "DESIGN" } });
    const overdue = await overdueGateConditions({ viewer: cfo });
    const mine = overdue.rows.find((c) => c.project.slug === slug)!;
    expect(mine).toMatchObject({ text: { en: "Overdue condition" }, dueOn: "2020-01-31", owner: { name: "Mei Manager" } });
    const c = await prisma.gateCondition.findFirstOrThrow({ where: { reviewId } });
    await expect(prisma.gateCondition.update({ where: { id: c.id }, data: { textEn: "softened" } })).rejects.toThrow(/only its status/);
    expect(await updateGateCondition({ viewer: manager, slug, conditionId: c.id, input: { version: 1, status: "MET" } })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect((await overdueGateConditions({ viewer: cfo })).rows.find((x) => x.project.slug === slug)).toBeUndefined();

    // A re-decision that stops the earlier go: the stage goes back to what the last go standing (none here: unchanged) says.
    const redo = await createGateReview({ viewer: pmo, slug, input: { gateKey: "construction", approvalRule: "ANY", approverIds: [cfo.id] } });
    if (!redo.ok) throw new Error("setup");
    await respondToGateReview({ viewer: cfo, slug, reviewId: redo.data.id, input: { response: "APPROVED" } });
    await evidenceAll(slug, redo.data.id);
    expect(await decide(slug, redo.data.id, "GO", 1)).toMatchObject({ ok: true, data: { stage: "CONSTRUCTION" } });
    const stop = await createGateReview({ viewer: pmo, slug, input: { gateKey: "construction", approverIds: [], supersedesId: redo.data.id } });
    if (!stop.ok) throw new Error("setup");
    expect(await decide(slug, stop.data.id, "STOP", 1)).toMatchObject({ ok: true, data: { decision: "STOP", stage: "DESIGN" } });
    expect((await getProject({ slug, viewer: pmo }))!.stage).toBe("DESIGN");
  });

  it("refuses gate writes to those without the permission, and bad input", async () => {
    const { slug, reviewId } = await freshReview();
    expect(await createGateReview({ viewer: manager, slug, input: { gateKey: "construction" } })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(
      await decideGateReview({ viewer: cfo, slug, reviewId, input: { version: 1, decision: "STOP", rationaleEn: "x", heldOn: "2026-01-01" } }),
    ).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await decide(slug, reviewId, "MAYBE", 1)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(
      await decideGateReview({ viewer: pmo, slug, reviewId, input: { version: 1, decision: "STOP", rationaleEn: "", heldOn: "2026-01-01" } }),
    ).toMatchObject({ ok: false, error: { fields: { rationaleEn: { key: expect.any(String) } } } });
    expect(await createGateReview({ viewer: pmo, slug, input: { gateKey: "no-such-gate" } })).toMatchObject({
      ok: false,
      error: { fields: { gateKey: { key: expect.any(String) } } },
    });
    expect(await updateGateReview({ viewer: pmo, slug, reviewId, input: { version: 1, approvedCapexAmount: "100.00" } })).toMatchObject({
      ok: false,
      error: { fields: { approvedCapexCurrency: { key: expect.any(String) } } },
    });
    expect(
      await updateGateReview({ viewer: pmo, slug, reviewId, input: { version: 1, approvedCapexAmount: "1e9", approvedCapexCurrency: "CNY" } }),
    ).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await setProjectGateProcess({ viewer: pmo, slug, input: { processKey: "epc" } })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});
