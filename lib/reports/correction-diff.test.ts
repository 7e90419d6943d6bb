import { describe, expect, it } from "vitest";
import { correctionDiff } from "./correction-diff";

const overview = (o: Record<string, unknown> = {}) => ({
  nameEn: "P",
  nameZh: null,
  businessLine: "BASE_METALS",
  health: "ON_TRACK",
  stage: "CONSTRUCTION",
  progressPercent: 40,
  forecastFinish: { date: "2027-06-01", precision: "MONTH" },
  plannedFinish: null,
  ...o,
});
const capex = (o: Record<string, unknown> = {}) => ({
  hasData: true,
  currency: "USD",
  approved: "1000.00",
  committed: "400.00",
  actual: "300.00",
  eac: "1100.00",
  variance: "-100.00",
  ...o,
});

describe("what a correction changed", () => {
  it("is nothing when the versions agree (decimals compare by value, text by its trimmed content)", () => {
    const a = { snapshot: { overview: overview(), capex: capex() }, narrative: { summaryEn: "Fine", summaryZh: "" } };
    const b = { snapshot: { overview: overview(), capex: capex({ approved: "1000" }) }, narrative: { summaryEn: "Fine  ", summaryZh: "" } };
    expect(correctionDiff(a, b)).toEqual([]);
  });

  it("lists the status fields, the figures and the narrative that differ, in that order", () => {
    const older = { snapshot: { overview: overview(), capex: capex() }, narrative: { summaryEn: "On plan", issuesZh: "无" } };
    const newer = {
      snapshot: {
        overview: overview({ health: "AT_RISK", progressPercent: 45, forecastFinish: { date: "2027-06-01", precision: "DAY" } }),
        capex: capex({ eac: "1250.50" }),
      },
      narrative: { summaryEn: "Two weeks late", issuesZh: "无" },
    };
    expect(correctionDiff(older, newer)).toEqual([
      { kind: "overview", field: "health", before: "ON_TRACK", after: "AT_RISK" },
      { kind: "overview", field: "progressPercent", before: "40", after: "45" },
      // the same date at another precision is a different statement
      { kind: "overview", field: "forecastFinish", before: "2027-06-01 (MONTH)", after: "2027-06-01" },
      { kind: "figure", key: "capex.eac", currency: "USD", before: "1100.00", after: "1250.50" },
      { kind: "figure", key: "overview.progressPercent", currency: "", before: "40", after: "45" },
      { kind: "narrative", field: "summary", lang: "En", before: "On plan", after: "Two weeks late" },
    ]);
  });

  it("shows a figure that appears or disappears, and a section the older version did not have", () => {
    const older = { snapshot: { overview: overview({ progressPercent: null }) }, narrative: {} };
    const newer = {
      snapshot: { overview: overview({ progressPercent: 10 }), capex: capex({ committed: null, actual: null, eac: null, variance: null }) },
      narrative: { decisionsZh: "请批准追加预算" },
    };
    expect(correctionDiff(older, newer)).toEqual([
      { kind: "overview", field: "progressPercent", before: null, after: "10" },
      { kind: "figure", key: "capex.approved", currency: "USD", before: null, after: "1000.00" },
      { kind: "figure", key: "overview.progressPercent", currency: "", before: null, after: "10" },
      { kind: "narrative", field: "decisions", lang: "Zh", before: "", after: "请批准追加预算" },
    ]);
  });
});
