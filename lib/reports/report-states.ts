import type { Permission } from "../auth/permissions";
import type { ReportState as DbReportState } from "../db/generated/enums";

/** A report's states, for client code (components may not import the database layer); equal to the schema's enum by the check below. */
export const REPORT_STATES = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"] as const;
export type ReportState = (typeof REPORT_STATES)[number];
// Fails to compile when the schema's enum and this list differ (either way).
const _sameStates: [ReportState, DbReportState] extends [DbReportState, ReportState] ? true : never = true;
void _sameStates;

/**
 * The report state machine: which action is allowed from which state, and
 * which permission it needs. Client-safe (the UI reads it to show buttons).
 *
 *   DRAFT ──submit──▶ SUBMITTED ──publish──▶ PUBLISHED ──supersede──▶ (new DRAFT, version + 1)
 *     ▲                  │
 *     └──── RETURNED ◀──return (with comment)
 *           (edit, submit again)
 */
export const REPORT_ACTIONS = {
  edit: { from: ["DRAFT", "RETURNED"], to: null, permission: "report:edit" },
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "report:submit" },
  return: { from: ["SUBMITTED"], to: "RETURNED", permission: "report:return" },
  publish: { from: ["SUBMITTED"], to: "PUBLISHED", permission: "report:publish" },
  supersede: { from: ["PUBLISHED"], to: null, permission: "report:edit" },
} as const satisfies Record<string, { from: readonly ReportState[]; to: ReportState | null; permission: Permission }>;

export type ReportAction = keyof typeof REPORT_ACTIONS;

export function actionAllowedFrom(action: ReportAction, state: ReportState): boolean {
  return (REPORT_ACTIONS[action].from as readonly ReportState[]).includes(state);
}
