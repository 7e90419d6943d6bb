import type { BusinessLine, Health, Stage } from "../../projects/enums";
import type { FuzzyDate } from "../../projects/types";
import { fuzzyFromDb } from "../../dates/fuzzy-date";
import type { ReportChange, SnapshotSection } from "./types";

export interface OverviewData {
  nameEn: string;
  nameZh: string | null;
  businessLine: BusinessLine;
  health: Health;
  stage: Stage;
  progressPercent: number | null;
  forecastFinish: FuzzyDate | null;
  plannedFinish: FuzzyDate | null;
}

const HEALTH_RANK: Record<Health, number> = { ON_TRACK: 0, AT_RISK: 1, OFF_TRACK: 2, NOT_ASSESSED: -1 };

/** Health, stage, progress and forecast finish. */
export const overviewSection: SnapshotSection<OverviewData> = {
  key: "overview",
  async capture(tx, project) {
    const p = await tx.project.findUniqueOrThrow({
      where: { id: project.id },
      select: {
        nameEn: true,
        nameZh: true,
        businessLine: true,
        health: true,
        stage: true,
        progressPercent: true,
        forecastFinish: true,
        forecastFinishPrecision: true,
        plannedFinish: true,
        plannedFinishPrecision: true,
      },
    });
    return {
      nameEn: p.nameEn,
      nameZh: p.nameZh,
      businessLine: p.businessLine,
      health: p.health,
      stage: p.stage,
      progressPercent: p.progressPercent,
      forecastFinish: fuzzyFromDb(p.forecastFinish, p.forecastFinishPrecision),
      plannedFinish: fuzzyFromDb(p.plannedFinish, p.plannedFinishPrecision),
    };
  },
  figures(d) {
    return d.progressPercent === null || d.progressPercent === undefined
      ? []
      : [{ key: "overview.progressPercent", value: String(d.progressPercent), currency: "" }];
  },
  changes(prev, cur) {
    if (!prev) return [];
    const out: ReportChange[] = [];
    if (prev.health !== cur.health) {
      const worse = HEALTH_RANK[cur.health] > HEALTH_RANK[prev.health];
      out.push({ section: "overview", kind: "healthMoved", severity: worse ? "bad" : "good", params: { from: prev.health, to: cur.health } });
    }
    if (prev.stage !== cur.stage) out.push({ section: "overview", kind: "stageMoved", severity: "info", params: { from: prev.stage, to: cur.stage } });
    const a = prev.forecastFinish?.date ?? null;
    const b = cur.forecastFinish?.date ?? null;
    if (a !== b) {
      const days = a && b ? Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) : null;
      out.push({
        section: "overview",
        kind: "forecastFinishMoved",
        severity: days !== null && days > 0 ? "bad" : days !== null && days < 0 ? "good" : "info",
        params: { from: a, to: b, days },
      });
    }
    return out;
  },
};
