import type { MatrixDefinition } from "./matrix";
import type { ActionStatus, AssessmentKind, RiskCategory, RiskKind, RiskResponse, RiskStatus } from "./enums";

/** Plain data the risk views render (no database types). */
export type Text = { en: string; zh: string | null };

export interface RiskRow {
  id: string;
  code: string;
  title: Text;
  kind: RiskKind;
  category: RiskCategory;
  status: RiskStatus;
  response: RiskResponse | null;
  nextReviewOn: string | null;
  probability: number | null;
  impact: number | null;
  score: number | null;
  band: string | null;
  /** the score before the current one, for the trend */
  previousScore: number | null;
  owner: { id: string; name: string } | null;
  project: { slug: string; name: Text };
}

export interface AssessmentView {
  id: string;
  kind: AssessmentKind;
  probability: number;
  impact: number;
  impacts: Record<string, number>;
  score: number;
  band: string;
  note: string;
  assessedAt: string;
  assessedBy: string;
}

export interface RiskDetail extends RiskRow {
  version: number;
  cause: Text;
  event: Text;
  effect: Text;
  occurred: { note: string | null; link: string | null; milestoneId: string | null };
  matrix: MatrixDefinition;
  assessments: AssessmentView[];
  actions: { id: string; title: Text; owner: { id: string; name: string } | null; dueOn: string | null; status: ActionStatus; version: number }[];
  documents: { id: string; title: string; versionId: string; number: number; fileName: string; size: number }[];
}

export interface HeatMap {
  matrix: MatrixDefinition;
  asOf: string | null;
  cells: { probability: number; impact: number; count: number }[];
  total: number;
}
