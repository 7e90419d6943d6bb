import type { MatrixDefinition } from "./matrix";

/**
 * The default matrix, version 1: 5 × 5, four impact dimensions. A changed
 * scale is a new version (a new entry here with version + 1), never an edit:
 * assessments keep the version they were scored against.
 */
export const DEFAULT_MATRIX_KEY = "default";

export const DEFAULT_MATRIX_V1: MatrixDefinition = {
  key: DEFAULT_MATRIX_KEY,
  version: 1,
  name: { en: "Group risk matrix 5 × 5", zh: "集团风险矩阵 5×5" },
  probabilityLevels: [
    { level: 1, en: "Rare", zh: "罕见" },
    { level: 2, en: "Unlikely", zh: "不太可能" },
    { level: 3, en: "Possible", zh: "可能" },
    { level: 4, en: "Likely", zh: "很可能" },
    { level: 5, en: "Almost certain", zh: "几乎确定" },
  ],
  impactLevels: [
    { level: 1, en: "Negligible", zh: "可忽略" },
    { level: 2, en: "Minor", zh: "较小" },
    { level: 3, en: "Moderate", zh: "中等" },
    { level: 4, en: "Major", zh: "重大" },
    { level: 5, en: "Severe", zh: "严重" },
  ],
  dimensions: [
    { key: "cost", en: "Cost", zh: "成本" },
    { key: "schedule", en: "Schedule", zh: "进度" },
    { key: "safety", en: "Safety", zh: "安全" },
    { key: "reputation", en: "Reputation", zh: "声誉" },
  ],
  // Colour is never the only cue: each band has its own shape too.
  bands: [
    { key: "low", min: 1, max: 4, colour: "#2e7d32", shape: "circle", en: "Low", zh: "低" },
    { key: "medium", min: 5, max: 12, colour: "#b26a00", shape: "triangle", en: "Medium", zh: "中" },
    { key: "high", min: 13, max: 25, colour: "#c62828", shape: "square", en: "High", zh: "高" },
  ],
};

export const RISK_MATRICES: MatrixDefinition[] = [DEFAULT_MATRIX_V1];
