import { createTranslator } from "next-intl";
import type messages from "../../messages/en.json";
import { formatFuzzyDate } from "../dates/fuzzy-date";
import { localizedString } from "../i18n/bilingual";
import { commodityLabel } from "../i18n/commodities";
import type { AppLocale } from "../i18n/config";
import { countryNamer } from "../i18n/display-names";
import type { ExportLabels } from "./export-columns";
import { fuzzyDateText } from "./export-columns";

type Messages = typeof messages;

/**
 * An export's text in a language: headers, enum values, commodities, country
 * names, sheet names and fuzzy dates written as text. Pure (catalog in, labels
 * out), so the route and the tests build it the same way.
 */
export function localizedExportLabels(locale: AppLocale, catalog: Messages): ExportLabels {
  const t = createTranslator({ locale, messages: catalog, namespace: "projects.export" });
  const tEnum = createTranslator({ locale, messages: catalog, namespace: "enums" });
  const tCommodity = createTranslator({ locale, messages: catalog, namespace: "commodities" });
  const country = countryNamer(locale);
  const zh = locale === "zh-CN";
  return {
    locale,
    header: (key) => t(`headers.${key}`),
    sheet: (name) => t(`sheets.${name}`),
    region: (v) => tEnum(`region.${v}` as never),
    businessLine: (v) => tEnum(`businessLine.${v}` as never),
    stage: (v) => tEnum(`stage.${v}` as never),
    health: (v) => tEnum(`health.${v}` as never),
    milestoneState: (v) => tEnum(`milestoneState.${v}` as never),
    country: (code) => country(code) ?? code,
    commodity: (v) => commodityLabel(tCommodity, v),
    name: (value) => localizedString(value, locale),
    // English keeps the sortable 2024-Q3 / 2024-03; Chinese writes 2024年第3季度 / 2024年3月 (a day stays ISO in both).
    fuzzyDate: (f) => (zh && f.precision !== "DAY" ? formatFuzzyDate(f, "zh-CN") : fuzzyDateText(f)),
    quarterNote: t("quarterNote"),
  };
}
