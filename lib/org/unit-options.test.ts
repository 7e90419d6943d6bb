import { describe, expect, it } from "vitest";
import { unitChoices, unitNamer } from "./unit-options";

const UNITS = [
  { code: "GRP", depth: 0, nameEn: "China Minmetals Corporation", nameZh: "中国五矿集团有限公司" },
  { code: "MMG", depth: 1, nameEn: "MMG Limited", nameZh: null },
  { code: "MMG-LB", depth: 2, nameEn: "Las Bambas", nameZh: "邦巴斯" },
];

describe("unit filter options", () => {
  it("indent by depth below the reader's top unit, in the reader's language", () => {
    expect(unitChoices(UNITS, "en")).toEqual([
      { value: "GRP", label: "China Minmetals Corporation" },
      { value: "MMG", label: "\u00a0\u00a0MMG Limited" },
      { value: "MMG-LB", label: "\u00a0\u00a0\u00a0\u00a0Las Bambas" },
    ]);
    // a subsidiary's reader: their subsidiary is the top, not indented
    expect(unitChoices(UNITS.slice(1), "zh-CN").map((c) => c.label)).toEqual(["MMG Limited", "\u00a0\u00a0邦巴斯"]);
    expect(unitChoices([], "en")).toEqual([]);
  });

  it("name a unit by code, falling back to the code for one out of sight", () => {
    const name = unitNamer(UNITS, "zh-CN");
    expect(name("GRP")).toBe("中国五矿集团有限公司");
    expect(name("MMG")).toBe("MMG Limited");
    expect(name("HNG")).toBe("HNG");
  });
});
