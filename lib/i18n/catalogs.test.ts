import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";
import { LOCALES } from "./config";

/** Every message of a catalog by its dotted key. */
function flatten(obj: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses, with their kind ("name", "name:plural", "name:select"), and plural/select branches. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(el.value);
      else if (el.type === TYPE.number) found.add(`${el.value}:number`);
      else if (el.type === TYPE.date || el.type === TYPE.time) found.add(`${el.value}:date`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`${el.value}:${el.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...found].sort();
}

/** The literal text of a message (what a reader sees, without ICU syntax). */
function literalText(message: string): string {
  const walk = (elements: MessageFormatElement[]): string =>
    elements
      .map((el) =>
        el.type === TYPE.literal
          ? el.value
          : el.type === TYPE.plural || el.type === TYPE.select
            ? Object.values(el.options)
                .map((o) => walk(o.value))
                .join(" ")
            : el.type === TYPE.tag
              ? walk(el.children)
              : " ",
      )
      .join("");
  return walk(parse(message, { ignoreTag: true }));
}

const catalogs = { en: flatten(en), "zh-CN": flatten(zhCN) } as const;

describe("message catalogs", () => {
  it("exist for every locale", () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LOCALES].sort());
  });

  it("have the same keys in every language", () => {
    const keys = [...catalogs.en.keys()].sort();
    expect([...catalogs["zh-CN"].keys()].sort()).toEqual(keys);
  });

  it("use the same ICU arguments per key (names, plural and select), and every message parses", () => {
    const mismatches: string[] = [];
    for (const [key, message] of catalogs.en) {
      const zh = catalogs["zh-CN"].get(key);
      if (zh === undefined) continue; // reported by the key test
      const a = argumentsOf(message).join(",");
      const b = argumentsOf(zh).join(",");
      if (a !== b) mismatches.push(`${key}: en {${a}} zh-CN {${b}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("translate what should be translated: no Chinese message is left in English", () => {
    // Brand names, separators and pure placeholders may stay as they are.
    const SAME_ALLOWED =
      /^(metadata\.title|metadata\.titleTemplate|layout\.productName|common\.|projectDetail\.history\.entryBy|dashboard\.map\.coordinates|dashboard\.since\.atLeast)/;
    const untranslated = [...catalogs["zh-CN"]].filter(
      ([key, zh]) => /[A-Za-z]{3,}/.test(literalText(zh).replace(/Lodestone|CSV|Excel|YYYY-MM-DD/g, "")) && !SAME_ALLOWED.test(key),
    );
    expect(untranslated).toEqual([]);
  });

  it("name the health states as a Chinese project office does", () => {
    expect(zhCN.enums.health).toEqual({ ON_TRACK: "按期", AT_RISK: "有风险", OFF_TRACK: "偏离", NOT_ASSESSED: "未评估" });
  });
});
