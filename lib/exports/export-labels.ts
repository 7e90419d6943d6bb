import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { countryNamer } from "../i18n/display-names";
import type { ExportHeaderKey, ExportLabels } from "./export-columns";

/** The table's own display text for an export, in the request's locale. */
export async function getExportLabels(): Promise<ExportLabels> {
  const [t, tEnum, locale] = await Promise.all([getTranslations("projects.export.headers"), getTranslations("enums"), getLocale()]);
  const country = countryNamer(locale);
  return {
    header: (key: ExportHeaderKey) => t(key),
    region: (v) => tEnum(`region.${v}` as Parameters<typeof tEnum>[0]),
    businessLine: (v) => tEnum(`businessLine.${v}` as Parameters<typeof tEnum>[0]),
    stage: (v) => tEnum(`stage.${v}` as Parameters<typeof tEnum>[0]),
    health: (v) => tEnum(`health.${v}` as Parameters<typeof tEnum>[0]),
    milestoneState: (v) => tEnum(`milestoneState.${v}` as Parameters<typeof tEnum>[0]),
    country: (code) => country(code) ?? code,
  };
}
