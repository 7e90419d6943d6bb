import type { ApprovalRule, ConditionStatus, GateDecision } from "./gate.validation";

/** Plain data the gate views render. */
export type Text = { en: string; zh: string | null };

export interface GateReviewSummary {
  id: string;
  gate: { key: string; name: Text; sequence: number };
  plannedOn: string | null;
  heldOn: string | null;
  decision: GateDecision | null;
  decidedAt: string | null;
  supersedesId: string | null;
}

export interface GateReviewDetail extends GateReviewSummary {
  version: number;
  project: { slug: string; name: Text; stage: string };
  approvalRule: ApprovalRule;
  rationale: Text;
  approvedCapex: { amount: string; currency: string } | null;
  boardResolutionRef: string | null;
  filingRef: string | null;
  decidedBy: string | null;
  stageOnGo: string;
  approvers: { id: string; userId: string; name: string; response: "PENDING" | "APPROVED" | "REJECTED"; reason: string | null; respondedAt: string | null }[];
  conditions: { id: string; text: Text; owner: { id: string; name: string } | null; dueOn: string; status: ConditionStatus; version: number }[];
  deliverables: {
    id: string;
    key: string | null;
    name: Text;
    mandatory: boolean;
    documents: { id: string; title: string; versionId: string; number: number; fileName: string; size: number; sha256: string }[];
  }[];
}

export interface ProjectGates {
  process: { key: string; name: Text; gates: { key: string; name: Text; stageOnGo: string }[] } | null;
  processes: { key: string; name: Text }[];
  reviews: GateReviewSummary[];
}

export interface OverdueCondition {
  id: string;
  text: Text;
  dueOn: string;
  owner: { id: string; name: string } | null;
  reviewId: string;
  gate: Text;
  project: { slug: string; name: Text };
}
