import { pinyin } from "pinyin-pro";

/**
 * The key a name sorts by in the zh-CN interface, so the database orders
 * names as `new Intl.Collator("zh-CN")` does (pinyin), on PGlite (no ICU
 * collations) and on any PostgreSQL collation alike.
 *
 * One token per character, digits and lower-case ASCII letters only: for such
 * strings byte order ("C") and the usual linguistic collations (en_US …) agree.
 * A token starts with its class, in the collator's order: punctuation and
 * spaces, then digits, then Chinese characters by pinyin, then Latin letters.
 * A Chinese character is its syllable padded to 6 (so "xi" sorts before
 * "xian", as 西安 before 先) and its tone (neutral last). Readings come from
 * pinyin-pro in context (长沙 = chang sha); ICU reads some polyphones
 * differently, and orders homophones by its own table: both are rare in names.
 *
 * Every write of nameEn or nameZh must also write this (nameSortKeyZh).
 */
export const PINYIN_SORT_KEY_MAX = 400;

const HAN = /\p{Script=Han}/u;

export function pinyinSortKey(name: string): string {
  const chars = [...name.normalize("NFKC").trim()];
  const readings = pinyin(chars.join(""), { toneType: "num", type: "array", v: true, nonZh: "consecutive" });
  // pinyin-pro keeps non-Chinese runs together ("5600"); walk characters and readings in step.
  let r = 0;
  const tokens: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (HAN.test(ch)) {
      tokens.push(hanToken(readings[r] ?? ""));
      r++;
      continue;
    }
    tokens.push(otherToken(ch));
    // a run of non-Chinese characters is one reading
    if (i + 1 >= chars.length || HAN.test(chars[i + 1])) r++;
  }
  return tokens.join("").slice(0, PINYIN_SORT_KEY_MAX);
}

function hanToken(reading: string): string {
  const m = /^([a-z]+)([0-5])?$/.exec(reading.toLowerCase());
  if (!m) return "2zzzzzz9"; // a character without a reading: after every reading
  const tone = !m[2] || m[2] === "0" ? "5" : m[2];
  return `2${m[1].padEnd(6, "0").slice(0, 6)}${tone}`;
}

function otherToken(ch: string): string {
  if (/[0-9]/.test(ch)) return `1${ch}`;
  const base = ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  if (/^[a-z]$/.test(base)) return `3${base}`;
  return "00"; // space, punctuation, symbols: before everything, all alike
}
