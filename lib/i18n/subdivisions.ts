import type { AppLocale } from "./config";
import { contentLanguage } from "./config";

/**
 * Provinces and states in both languages. A project stores its subdivision as
 * the English name the seed and its sources use ("Hunan", "Haut-Katanga");
 * this table names it in the reader's language and lets search find it by
 * either name. CLDR has no subdivision names worth the dependency
 * (cldr-subdivisions-full's zh file names three British nations only), so the
 * table is ours: China's provinces by their GB/T 2260 names, and the foreign
 * subdivisions the portfolio uses by the names Chinese official media use for
 * them. A subdivision missing here is shown as stored, with the English tag.
 */
export interface Subdivision {
  /** ISO 3166-2 code */
  code: string;
  en: string;
  zh: string;
}

const CHINA: [string, string, string][] = [
  ["CN-AH", "Anhui", "安徽"],
  ["CN-BJ", "Beijing", "北京"],
  ["CN-CQ", "Chongqing", "重庆"],
  ["CN-FJ", "Fujian", "福建"],
  ["CN-GD", "Guangdong", "广东"],
  ["CN-GS", "Gansu", "甘肃"],
  ["CN-GX", "Guangxi", "广西"],
  ["CN-GZ", "Guizhou", "贵州"],
  ["CN-HA", "Henan", "河南"],
  ["CN-HB", "Hubei", "湖北"],
  ["CN-HE", "Hebei", "河北"],
  ["CN-HI", "Hainan", "海南"],
  ["CN-HK", "Hong Kong", "香港"],
  ["CN-HL", "Heilongjiang", "黑龙江"],
  ["CN-HN", "Hunan", "湖南"],
  ["CN-JL", "Jilin", "吉林"],
  ["CN-JS", "Jiangsu", "江苏"],
  ["CN-JX", "Jiangxi", "江西"],
  ["CN-LN", "Liaoning", "辽宁"],
  ["CN-MO", "Macao", "澳门"],
  ["CN-NM", "Inner Mongolia", "内蒙古"],
  ["CN-NX", "Ningxia", "宁夏"],
  ["CN-QH", "Qinghai", "青海"],
  ["CN-SC", "Sichuan", "四川"],
  ["CN-SD", "Shandong", "山东"],
  ["CN-SH", "Shanghai", "上海"],
  ["CN-SN", "Shaanxi", "陕西"],
  ["CN-SX", "Shanxi", "山西"],
  ["CN-TJ", "Tianjin", "天津"],
  ["CN-TW", "Taiwan", "台湾"],
  ["CN-XJ", "Xinjiang", "新疆"],
  ["CN-XZ", "Tibet", "西藏"],
  ["CN-YN", "Yunnan", "云南"],
  ["CN-ZJ", "Zhejiang", "浙江"],
];

const ELSEWHERE: [string, string, string][] = [
  ["CD-HK", "Haut-Katanga", "上加丹加省"],
  ["CD-LU", "Lualaba", "卢阿拉巴省"],
  ["PE-APU", "Apurímac", "阿普里马克大区"],
  ["PG-MPM", "Madang", "马当省"],
];

export const SUBDIVISIONS: readonly Subdivision[] = [...CHINA, ...ELSEWHERE].map(([code, en, zh]) => ({ code, en, zh }));

const byStored = new Map(SUBDIVISIONS.map((s) => [fold(s.en), s]));

/** Case- and accent-insensitive, so "apurimac" finds "Apurímac". */
function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
}

export function findSubdivision(stored: string): Subdivision | undefined {
  return byStored.get(fold(stored));
}

/**
 * A stored subdivision in the reader's language; `fallback` when the table
 * has no name in it (shown as stored, tagged as English like other content).
 */
export function subdivisionName(stored: string, locale: AppLocale): { text: string; fallback: boolean } {
  const known = findSubdivision(stored);
  if (!known) return { text: stored, fallback: contentLanguage(locale) !== "en" };
  return { text: contentLanguage(locale) === "zh" ? known.zh : known.en, fallback: false };
}

/** The stored (English) names of the subdivisions whose name in either language contains the search. */
export function subdivisionsMatching(q: string): string[] {
  // "湖南省" and "湖南" are the same province: the administrative suffix is optional in a search.
  const needle = fold(q).replace(/(省|市|自治区|大区)$/u, "");
  // Every province's Chinese name has two characters or more; a one-character search would match by accident.
  const minimum = /\p{Script=Han}/u.test(needle) ? 2 : 3;
  if (needle.length < minimum) return [];
  return SUBDIVISIONS.filter((s) => fold(s.en).includes(needle) || s.zh.includes(needle)).map((s) => s.en);
}
