import { fuzzyFromDb, slipDays } from "../../dates/fuzzy-date";
import type { MilestoneState } from "../../projects/enums";
import type { FuzzyDate } from "../../projects/types";
import type { ReportChange, SnapshotSection } from "./types";

export interface MilestoneSnapshot {
  id: string;
  title: string;
  titleZh: string | null;
  baseline: FuzzyDate | null;
  forecast: FuzzyDate | null;
  actual: FuzzyDate | null;
  state: MilestoneState;
  slipDays: number | null;
}

export interface MilestonesData {
  milestones: MilestoneSnapshot[];
}

/** Milestones with baseline, forecast and actual. */
export const milestonesSection: SnapshotSection<MilestonesData> = {
  key: "milestones",
  async capture(tx, project) {
    const rows = await tx.milestone.findMany({ where: { projectId: project.id }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    return {
      milestones: rows.map((m) => {
        const baseline = fuzzyFromDb(m.baselineDate, m.baselinePrecision);
        const forecast = fuzzyFromDb(m.forecastDate, m.forecastPrecision);
        const actual = fuzzyFromDb(m.actualDate, m.actualPrecision);
        return { id: m.id, title: m.title, titleZh: m.titleZh, baseline, forecast, actual, state: m.state, slipDays: slipDays(baseline, actual ?? forecast) };
      }),
    };
  },
  figures(d) {
    const list = d.milestones ?? [];
    const achieved = list.filter((m) => m.state === "ACHIEVED").length;
    const late = list.filter((m) => m.state !== "ACHIEVED" && m.state !== "CANCELLED" && (m.slipDays ?? 0) > 0).length;
    return [
      { key: "milestones.total", value: String(list.length), currency: "" },
      { key: "milestones.achieved", value: String(achieved), currency: "" },
      { key: "milestones.late", value: String(late), currency: "" },
    ];
  },
  changes(prev, cur) {
    if (!prev) return [];
    const before = new Map(prev.milestones.map((m) => [m.id, m]));
    const out: ReportChange[] = [];
    for (const m of cur.milestones) {
      const p = before.get(m.id);
      const params = { milestone: m.title, milestoneZh: m.titleZh };
      if (m.state === "ACHIEVED" && p?.state !== "ACHIEVED") {
        out.push({ section: "milestones", kind: "milestoneAchieved", severity: "good", params: { ...params, on: m.actual?.date ?? null } });
        continue;
      }
      if (m.state === "MISSED" && p?.state !== "MISSED") {
        out.push({ section: "milestones", kind: "milestoneMissed", severity: "bad", params });
        continue;
      }
      const a = p?.forecast?.date;
      const b = m.forecast?.date;
      if (p && a && b && b !== a) {
        const days = Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
        out.push({
          section: "milestones",
          kind: days > 0 ? "milestoneSlipped" : "milestonePulledIn",
          severity: days > 0 ? "bad" : "good",
          params: { ...params, from: a, to: b, days },
        });
      }
    }
    return out;
  },
};
