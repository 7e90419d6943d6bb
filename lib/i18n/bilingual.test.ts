import { describe, expect, it } from "vitest";
import { localize, localizedString, monolingual, secondary } from "./bilingual";

const both = { en: "Las Bambas Copper Mine", zh: "拉斯邦巴斯铜矿" };
const englishOnly = { en: "Khoemacau Copper Mine", zh: null };
const chineseOnly = { en: "", zh: "锡矿山深边部找矿项目" };

describe("localize", () => {
  it("shows the interface's language when present, unmarked", () => {
    expect(localize(both, "zh-CN")).toEqual({ text: "拉斯邦巴斯铜矿", lang: "zh", fallback: false });
    expect(localize(both, "en")).toEqual({ text: "Las Bambas Copper Mine", lang: "en", fallback: false });
  });

  it("falls back to the other language, marked as a fallback in its own language", () => {
    expect(localize(englishOnly, "zh-CN")).toEqual({ text: "Khoemacau Copper Mine", lang: "en", fallback: true });
    expect(localize(chineseOnly, "en")).toEqual({ text: "锡矿山深边部找矿项目", lang: "zh", fallback: true });
  });

  it("treats blank text as missing, and gives null when both are", () => {
    expect(localize({ en: "Mine", zh: "  " }, "zh-CN")?.fallback).toBe(true);
    expect(localize({ en: "", zh: null }, "en")).toBeNull();
    expect(localizedString({ en: null, zh: undefined }, "zh-CN")).toBe("");
  });

  it("offers the other language as a secondary line only when both exist", () => {
    expect(secondary(both, "zh-CN")).toEqual({ text: "Las Bambas Copper Mine", lang: "en", fallback: false });
    expect(secondary(both, "en")?.text).toBe("拉斯邦巴斯铜矿");
    expect(secondary(englishOnly, "zh-CN")).toBeNull();
    expect(secondary(englishOnly, "en")).toBeNull();
  });
});

describe("monolingual (free text in the language it was written in)", () => {
  it("takes Han characters as Chinese and anything else as English, so the other interface tags it", () => {
    expect(monolingual("Henan Iron & Steel Group")).toEqual({ en: "Henan Iron & Steel Group", zh: null });
    expect(monolingual("河南钢铁集团")).toEqual({ en: null, zh: "河南钢铁集团" });
    expect(localize(monolingual("Henan Iron & Steel Group"), "zh-CN")).toMatchObject({ text: "Henan Iron & Steel Group", lang: "en", fallback: true });
    expect(localize(monolingual("Henan Iron & Steel Group"), "en")).toMatchObject({ fallback: false });
  });
});
