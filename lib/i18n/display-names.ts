/**
 * Display names for ISO 3166-1 alpha-2 country codes in a locale. Computed on
 * the server and passed to client components, so the text never depends on the
 * browser's ICU data (which would risk hydration mismatches).
 */
export function countryNamer(locale: string): (code: string | null) => string | null {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  return (code) => {
    if (!code) return null;
    try {
      return names.of(code) ?? code;
    } catch {
      return code; // malformed code: show it as stored
    }
  };
}
