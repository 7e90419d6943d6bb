/**
 * A risk matrix and how it scores: pure functions, shared by the server, the
 * forms and the heat map. Score = probability × the highest impact over the
 * matrix's dimensions; the band is the one whose range holds the score.
 */
export type Bilingual = { en: string; zh: string };
export type MatrixLevel = Bilingual & { level: number };
export type MatrixDimension = Bilingual & { key: string };
export type BandShape = "circle" | "triangle" | "square";
export type MatrixBand = Bilingual & { key: string; min: number; max: number; colour: string; shape: BandShape };

export interface MatrixDefinition {
  key: string;
  version: number;
  name: Bilingual;
  probabilityLevels: MatrixLevel[];
  impactLevels: MatrixLevel[];
  dimensions: MatrixDimension[];
  bands: MatrixBand[];
}

export interface Score {
  probability: number;
  /** the highest impact level over the dimensions */
  impact: number;
  score: number;
  band: string;
}

/** Levels 1…n, bands ordered and covering every score from 1 to the maximum without gaps or overlaps. */
export function checkMatrix(m: MatrixDefinition): string[] {
  const problems: string[] = [];
  const consecutive = (levels: MatrixLevel[]) => levels.every((l, i) => l.level === i + 1);
  if (!m.probabilityLevels.length || !consecutive(m.probabilityLevels)) problems.push("probability levels must be 1…n");
  if (!m.impactLevels.length || !consecutive(m.impactLevels)) problems.push("impact levels must be 1…n");
  if (!m.dimensions.length) problems.push("at least one impact dimension");
  const max = m.probabilityLevels.length * m.impactLevels.length;
  let next = 1;
  for (const b of m.bands) {
    if (b.min !== next || b.max < b.min) problems.push(`band ${b.key} must start at ${next}`);
    next = b.max + 1;
  }
  if (next !== max + 1) problems.push(`bands must end at ${max}`);
  return problems;
}

export function bandFor(m: Pick<MatrixDefinition, "bands">, score: number): MatrixBand {
  const band = m.bands.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`score ${score} is outside the matrix's bands`);
  return band;
}

/** Scores one assessment; throws RangeError on a level the matrix does not have (the validation rejects those first). */
export function scoreAssessment(m: MatrixDefinition, probability: number, impacts: Record<string, number>): Score {
  if (!Number.isInteger(probability) || probability < 1 || probability > m.probabilityLevels.length)
    throw new RangeError(`probability ${probability} is not a level of the matrix`);
  let impact = 0;
  for (const d of m.dimensions) {
    const v = impacts[d.key];
    if (v === undefined) continue;
    if (!Number.isInteger(v) || v < 1 || v > m.impactLevels.length) throw new RangeError(`impact ${d.key}=${v} is not a level of the matrix`);
    impact = Math.max(impact, v);
  }
  for (const k of Object.keys(impacts)) if (!m.dimensions.some((d) => d.key === k)) throw new RangeError(`unknown impact dimension ${k}`);
  if (impact === 0) throw new RangeError("at least one impact dimension must be scored");
  const score = probability * impact;
  return { probability, impact, score, band: bandFor(m, score).key };
}
