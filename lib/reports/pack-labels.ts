import { createTranslator } from "use-intl/core";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { DEFAULT_LOCALE, isLocale, type AppLocale } from "../i18n/config";
import type { ReportChange } from "./snapshot/types";

/** The pack's words in a language, for the exports (no React: route handlers and tests build them alike). */
export function packLabels(localeIn: string) {
  const locale: AppLocale = isLocale(localeIn) ? localeIn : DEFAULT_LOCALE;
  const catalog = locale === "zh-CN" ? (zh) : en;
  const t = createTranslator({ locale, messages: catalog, namespace: "reports" });
  const tEnum = createTranslator({ locale, messages: catalog, namespace: "enums" });
  const zhText = locale === "zh-CN";
  return {
    locale,
    t: (key: string, values?: Record<string, string | number>) => t(key as never, values as never),
    enumLabel: (ns: "health" | "stage" | "businessLine", v: string | null) => (v ? tEnum(`${ns}.${v}` as never) : ""),
    name: (r: { nameEn: string; nameZh: string | null }) => (zhText && r.nameZh ? r.nameZh : r.nameEn),
    change: (c: ReportChange) => {
      const v: Record<string, string | number> = {};
      for (const [k, x] of Object.entries(c.params)) v[k] = x ?? "—";
      if (c.kind === "healthMoved" || c.kind === "stageMoved") {
        const ns = c.kind === "healthMoved" ? "health" : "stage";
        v.from = tEnum(`${ns}.${String(c.params.from)}` as never);
        v.to = tEnum(`${ns}.${String(c.params.to)}` as never);
      }
      if (zhText && c.params.milestoneZh) v.milestone = c.params.milestoneZh;
      if (typeof c.params.days === "number") v.days = Math.abs(c.params.days);
      return t(`changes.${c.kind}` as never, v as never);
    },
    figure: (key: string) => (t.has(`pack.figureKeys.${key}` as never) ? t(`pack.figureKeys.${key}` as never) : key),
  };
}
export type PackLabels = ReturnType<typeof packLabels>;
