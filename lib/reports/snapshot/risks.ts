import type { ReportChange, SnapshotSection } from "./types";

export interface RiskSnapshot {
  id: string;
  code: string;
  titleEn: string;
  titleZh: string | null;
  status: string;
  score: number | null;
  band: string | null;
}

export interface RisksData {
  /** the open risks with the highest current scores, highest first */
  top: RiskSnapshot[];
  /** every open risk's current score by id: what "new" and "escalated" compare with */
  scores: Record<string, number | null>;
  open: number;
  high: number;
}

/** How many risks the report lists. */
export const TOP_RISKS = 5;

const BAND_RANK: Record<string, number> = { low: 0, medium: 1, high: 2 };

/** The project's open risks (not closed): the top ones in full, every one's score for the comparison. */
export const risksSection: SnapshotSection<RisksData> = {
  key: "risks",
  async capture(tx, project) {
    const rows = await tx.risk.findMany({
      where: { projectId: project.id, status: { not: "CLOSED" } },
      select: { id: true, code: true, titleEn: true, titleZh: true, status: true, currentScore: true, currentBand: true },
      orderBy: [{ currentScore: { sort: "desc", nulls: "last" } }, { code: "asc" }],
    });
    return {
      top: rows
        .slice(0, TOP_RISKS)
        .map((r) => ({ id: r.id, code: r.code, titleEn: r.titleEn, titleZh: r.titleZh, status: r.status, score: r.currentScore, band: r.currentBand })),
      scores: Object.fromEntries(rows.map((r) => [r.id, r.currentScore])),
      open: rows.length,
      high: rows.filter((r) => r.currentBand === "high").length,
    };
  },
  figures(d) {
    return [
      { key: "risks.open", value: String(d.open ?? 0), currency: "" },
      { key: "risks.high", value: String(d.high ?? 0), currency: "" },
    ];
  },
  changes(prev, cur) {
    // Only the top risks make headlines: a new low risk is not group news.
    if (!prev) return [];
    const out: ReportChange[] = [];
    const prevTop = new Map(prev.top.map((r) => [r.id, r]));
    for (const r of cur.top) {
      const params = { name: r.titleEn, nameZh: r.titleZh, code: r.code, score: r.score, band: r.band };
      if (!(r.id in prev.scores)) {
        out.push({ section: "risks", kind: "riskNew", severity: r.band === "high" ? "bad" : "warning", params });
        continue;
      }
      const before = prev.scores[r.id];
      if (r.score !== null && before !== null && before !== undefined && r.score > before) {
        const bandBefore = prevTop.get(r.id)?.band ?? null;
        const worseBand = bandBefore !== null && r.band !== null && (BAND_RANK[r.band] ?? 0) > (BAND_RANK[bandBefore] ?? 0);
        out.push({
          section: "risks",
          kind: "riskEscalated",
          severity: worseBand || r.band === "high" ? "bad" : "warning",
          params: { ...params, from: before, to: r.score },
        });
      }
    }
    return out;
  },
};
