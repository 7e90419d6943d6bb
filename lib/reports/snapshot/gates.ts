import type { ReportChange, SnapshotSection } from "./types";

export interface GateDecisionSnapshot {
  id: string;
  gateKey: string;
  gateEn: string;
  gateZh: string;
  decision: string;
  decidedOn: string;
}

export interface GatesData {
  process: { key: string; nameEn: string; nameZh: string } | null;
  /** the latest decided review */
  lastDecision: GateDecisionSnapshot | null;
  /** the next undecided review with a planned date */
  nextReview: { gateKey: string; gateEn: string; gateZh: string; plannedOn: string | null } | null;
  openConditions: number;
  overdueConditions: number;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const SEVERITY: Record<string, ReportChange["severity"]> = { GO: "good", GO_WITH_CONDITIONS: "info", HOLD: "warning", RECYCLE: "warning", STOP: "bad" };

/** Where the project stands in its gate process: the last decision, the next review, open conditions. */
export const gatesSection: SnapshotSection<GatesData> = {
  key: "gates",
  async capture(tx, project) {
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    const [proc, decided, next, open, overdue] = await Promise.all([
      tx.projectGateProcess.findUnique({ where: { projectId: project.id }, select: { process: { select: { key: true, nameEn: true, nameZh: true } } } }),
      tx.gateReview.findFirst({
        where: { projectId: project.id, decidedAt: { not: null } },
        orderBy: { decidedAt: "desc" },
        select: { id: true, decision: true, decidedAt: true, gate: { select: { key: true, nameEn: true, nameZh: true } } },
      }),
      tx.gateReview.findFirst({
        where: { projectId: project.id, decidedAt: null },
        orderBy: [{ plannedOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        select: { plannedOn: true, gate: { select: { key: true, nameEn: true, nameZh: true } } },
      }),
      tx.gateCondition.count({ where: { review: { projectId: project.id }, status: "OPEN" } }),
      tx.gateCondition.count({ where: { review: { projectId: project.id }, status: "OPEN", dueOn: { lt: today } } }),
    ]);
    return {
      process: proc ? { key: proc.process.key, nameEn: proc.process.nameEn, nameZh: proc.process.nameZh } : null,
      lastDecision:
        decided && decided.decision
          ? {
              id: decided.id,
              gateKey: decided.gate.key,
              gateEn: decided.gate.nameEn,
              gateZh: decided.gate.nameZh,
              decision: decided.decision,
              decidedOn: day(decided.decidedAt)!,
            }
          : null,
      nextReview: next ? { gateKey: next.gate.key, gateEn: next.gate.nameEn, gateZh: next.gate.nameZh, plannedOn: day(next.plannedOn) } : null,
      openConditions: open,
      overdueConditions: overdue,
    };
  },
  figures(d) {
    return [
      { key: "gates.openConditions", value: String(d.openConditions ?? 0), currency: "" },
      { key: "gates.overdueConditions", value: String(d.overdueConditions ?? 0), currency: "" },
    ];
  },
  changes(prev, cur) {
    if (!prev || !cur.lastDecision || cur.lastDecision.id === prev.lastDecision?.id) return [];
    const d = cur.lastDecision;
    return [
      {
        section: "gates",
        kind: "gateDecided",
        severity: SEVERITY[d.decision] ?? "info",
        params: { name: d.gateEn, nameZh: d.gateZh, decision: d.decision, on: d.decidedOn },
      },
    ];
  },
};
