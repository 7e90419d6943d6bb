/**
 * CLDR's short names that read badly as a label, replaced per language:
 * "Congo - Kinshasa" (and "Congo - Brazzaville") are CLDR's menu forms.
 */
const OVERRIDES: Record<string, Record<string, string>> = {
  en: { CD: "DR Congo", CG: "Republic of the Congo" },
};

/**
 * Display names for ISO 3166-1 alpha-2 country codes in a locale. Computed on
 * the server and passed to client components, so the text never depends on the
 * browser's ICU data (which would risk hydration mismatches). Every place that
 * names a country (table, filters, map, exports, search) goes through here.
 */
export function countryNamer(locale: string): (code: string | null) => string | null {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const overrides = OVERRIDES[locale.split("-")[0]] ?? {};
  return (code) => {
    if (!code) return null;
    const override = overrides[code.toUpperCase()];
    if (override) return override;
    try {
      return names.of(code) ?? code;
    } catch {
      return code; // malformed code: show it as stored
    }
  };
}
