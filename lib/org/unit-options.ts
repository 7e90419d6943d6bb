import type { AppLocale } from "../i18n/config";
import { localizedString } from "../i18n/bilingual";
import type { UnitOption } from "../projects/types";

/** A unit's name in the reader's language, by code (the code itself for a unit the reader cannot see). */
export function unitNamer(units: readonly UnitOption[], locale: AppLocale): (code: string) => string {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return (code) => {
    const u = byCode.get(code);
    return u ? localizedString({ en: u.nameEn, zh: u.nameZh }, locale) : code;
  };
}

/**
 * The units as a filter's choices, in tree order, each indented by its depth below the reader's top unit with
 * no-break spaces: options cannot be styled, and the tree reads from the indent (a screen reader reads the name).
 */
export function unitChoices(units: readonly UnitOption[], locale: AppLocale): { value: string; label: string }[] {
  const top = Math.min(...units.map((u) => u.depth));
  return units.map((u) => ({ value: u.code, label: `${"\u00a0\u00a0".repeat(u.depth - top)}${localizedString({ en: u.nameEn, zh: u.nameZh }, locale)}` }));
}
