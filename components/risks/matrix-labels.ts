import type { AppLocale } from "@/lib/i18n/config";
import type { MatrixDefinition } from "@/lib/risks/matrix";

/** A matrix's labels in the interface language. */
export function matrixLabels(matrix: MatrixDefinition, locale: AppLocale) {
  const pick = (x: { en: string; zh: string }) => (locale === "zh-CN" ? x.zh : x.en);
  return {
    band: (key: string | null) => {
      const b = key ? matrix.bands.find((x) => x.key === key) : undefined;
      return b ? { shape: b.shape, colour: b.colour, label: pick(b) } : null;
    },
    probability: (level: number) => pick(matrix.probabilityLevels[level - 1] ?? { en: String(level), zh: String(level) }),
    impact: (level: number) => pick(matrix.impactLevels[level - 1] ?? { en: String(level), zh: String(level) }),
    dimension: (key: string) => pick(matrix.dimensions.find((d) => d.key === key) ?? { en: key, zh: key }),
  };
}
