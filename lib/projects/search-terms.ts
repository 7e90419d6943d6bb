import "server-only";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";

/**
 * What a search means beyond the text of the search column: the commodities
 * it names. Commodities are stored as English keys ("antimony"), so their
 * names in either catalog are matched here, on the server (the catalogs stay
 * out of the client bundle), and the query asks for the stored keys.
 *
 * Words that turn a commodity into a place to find it ("铜矿" = copper mine,
 * "antimony mine") mean the commodity: Chinese writes them without a space,
 * so "铜矿" contains no commodity name a plain "contains" could find.
 */
const ZH_SUFFIXES = ["矿项目", "矿山", "矿石", "矿业", "矿产", "矿", "项目"];
const EN_SUFFIXES = [" mines", " mine", " ore", " projects", " project"];

const commodityNames: { value: string; names: string[] }[] = Object.keys(en.commodities).map((value) => ({
  value,
  names: [value, en.commodities[value as keyof typeof en.commodities], zh.commodities[value as keyof typeof zh.commodities]].map((n) => n.toLowerCase()),
}));

/**
 * The stored commodity values whose name in either language contains the
 * search, or that the search names followed by a "mine" word ("铜矿", "锑矿").
 * One Han character names a commodity ("锑"); a Latin search needs three
 * letters ("tin"), so "ti" does not find every tin, titanium and antimony project.
 */
export function commoditiesMatching(q: string): string[] {
  const needle = q.trim().toLowerCase();
  const han = /\p{Script=Han}/u.test(needle);
  if (needle.length < (han ? 1 : 3)) return [];
  const stems = (han ? ZH_SUFFIXES : EN_SUFFIXES).filter((s) => needle.endsWith(s) && needle.length > s.length).map((s) => needle.slice(0, -s.length).trim());
  return commodityNames.filter((c) => c.names.some((n) => n.includes(needle) || stems.includes(n))).map((c) => c.value);
}
