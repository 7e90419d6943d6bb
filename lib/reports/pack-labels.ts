import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { DEFAULT_LOCALE, isLocale, type AppLocale } from "../i18n/config";
import { changeValues } from "./change-values";
import type { ReportChange } from "./snapshot/types";

/** The pack's words in a language, for the exports (no React: route handlers and tests build them alike). */
export function packLabels(localeIn: string) {
  const locale: AppLocale = isLocale(localeIn) ? localeIn : DEFAULT_LOCALE;
  const catalog = locale === "zh-CN" ? zh : en;
  const t = createTranslator({ locale, messages: catalog, namespace: "reports" });
  const tEnum = createTranslator({ locale, messages: catalog, namespace: "enums" });
  const zhText = locale === "zh-CN";
  return {
    locale,
    t: (key: string, values?: Record<string, string | number>) => t(key as never, values as never),
    enumLabel: (ns: "health" | "stage" | "businessLine", v: string | null) => (v ? tEnum(`${ns}.${v}` as never) : ""),
    name: (r: { nameEn: string; nameZh: string | null }) => (zhText && r.nameZh ? r.nameZh : r.nameEn),
    change: (c: ReportChange) =>
      t(`changes.${c.kind}` as never, changeValues(c, { zh: zhText, enumLabel: (k) => tEnum(k as never), reportsLabel: (k) => t(k as never) }) as never),
    figure: (key: string) =>
      t.has(`pack.figureKeys.${key}` as never)
        ? t(`pack.figureKeys.${key}` as never)
        : key.startsWith("kpi.")
          ? t("pack.kpiFigure", { key: key.slice(4) })
          : key,
  };
}
export type PackLabels = ReturnType<typeof packLabels>;
