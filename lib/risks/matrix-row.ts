import type { MatrixDefinition } from "./matrix";

/** A RiskMatrix row as the pure scoring functions take it. */
export function matrixFromRow(row: {
  key: string;
  version: number;
  nameEn: string;
  nameZh: string;
  probabilityLevels: unknown;
  impactLevels: unknown;
  dimensions: unknown;
  bands: unknown;
}): MatrixDefinition {
  return {
    key: row.key,
    version: row.version,
    name: { en: row.nameEn, zh: row.nameZh },
    probabilityLevels: row.probabilityLevels as MatrixDefinition["probabilityLevels"],
    impactLevels: row.impactLevels as MatrixDefinition["impactLevels"],
    dimensions: row.dimensions as MatrixDefinition["dimensions"],
    bands: row.bands as MatrixDefinition["bands"],
  };
}
