import { describe, expect, it } from "vitest";
import { minmetalsPortfolio } from "../../prisma/seed/minmetals-2024";
import { nameSortKey } from "./name-sort-key";
import { pinyinSortKey } from "./pinyin-sort-key";

// Byte order, as PostgreSQL compares under the C collation; the keys are built to sort the same under linguistic collations.
const byKey = (key: (s: string) => string) => (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const collator = new Intl.Collator("zh-CN");

describe("pinyinSortKey", () => {
  it("orders the seeded names (Chinese, else English) exactly as Intl.Collator('zh-CN') does", () => {
    const names = minmetalsPortfolio.projects.map((p) => p.nameZh ?? p.nameEn);
    expect(names.filter((n) => /\p{Script=Han}/u.test(n)).length).toBeGreaterThan(10);
    expect([...names].sort(byKey(pinyinSortKey))).toEqual([...names].sort(collator.compare));
  });

  it("orders syllables before longer ones, tones, ü and mixed text as the collator does", () => {
    const names = ["先", "西安", "安", "阿拉", "吕", "律", "绿", "鲁", "五矿", "5600毫米轧机", "（筹）", "Las Bambas"];
    expect([...names].sort(byKey(pinyinSortKey))).toEqual([...names].sort(collator.compare));
  });

  it("reads polyphones in context, where the collator has one reading per character (a deliberate difference)", () => {
    // ICU files 长 under zhǎng; in 长沙 it is cháng, which is where a Chinese reader looks for it.
    expect(pinyinSortKey("长沙") < pinyinSortKey("大冶")).toBe(true);
    expect(collator.compare("长沙", "大冶")).toBeGreaterThan(0);
  });

  it("uses only digits and lower-case ASCII letters (same order under any collation)", () => {
    for (const p of minmetalsPortfolio.projects) expect(pinyinSortKey(p.nameZh ?? p.nameEn)).toMatch(/^[0-9a-z]*$/);
  });

  it("orders English names as the English key does, among themselves", () => {
    const names = ["delta", "Delta Works", "Alpha", "alpha 2", "Beta"];
    expect([...names].sort(byKey(pinyinSortKey)).map(nameSortKey)).toEqual([...names].sort(byKey(nameSortKey)).map(nameSortKey));
  });
});
