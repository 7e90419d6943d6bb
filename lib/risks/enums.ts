/** The risk register's fixed vocabularies (the database enums), in display order. */
export const RISK_KINDS = ["THREAT", "OPPORTUNITY"] as const;
export const RISK_CATEGORIES = [
  "STRATEGIC",
  "FINANCIAL",
  "MARKET",
  "TECHNICAL",
  "SCHEDULE",
  "SAFETY",
  "ENVIRONMENTAL",
  "REGULATORY",
  "POLITICAL",
  "COMMUNITY",
  "CONTRACTUAL",
  "OPERATIONAL",
] as const;
export const RISK_STATUSES = ["PROPOSED", "OPEN", "MANAGED", "OCCURRED", "CLOSED"] as const;
export const THREAT_RESPONSES = ["AVOID", "REDUCE", "TRANSFER", "ACCEPT"] as const;
export const OPPORTUNITY_RESPONSES = ["EXPLOIT", "ENHANCE", "SHARE", "ACCEPT"] as const;
export const RISK_RESPONSES = ["AVOID", "REDUCE", "TRANSFER", "ACCEPT", "EXPLOIT", "ENHANCE", "SHARE"] as const;
export const ASSESSMENT_KINDS = ["INHERENT", "RESIDUAL", "TARGET"] as const;
export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export const RISK_BANDS = ["low", "medium", "high"] as const;

export type RiskKind = (typeof RISK_KINDS)[number];
export type RiskCategory = (typeof RISK_CATEGORIES)[number];
export type RiskStatus = (typeof RISK_STATUSES)[number];
export type RiskResponse = (typeof RISK_RESPONSES)[number];
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export function responseFits(kind: RiskKind, response: RiskResponse): boolean {
  return (kind === "THREAT" ? (THREAT_RESPONSES as readonly string[]) : (OPPORTUNITY_RESPONSES as readonly string[])).includes(response);
}
