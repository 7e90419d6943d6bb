import type { PrismaClient } from "../../lib/db/generated/client";
import { SYNTHETIC_AS_OF, SYNTHETIC_SLUG_PREFIX } from "./synthetic";
import { DEFAULT_MATRIX_KEY, DEFAULT_MATRIX_V1 } from "../../lib/risks/reference-data";

/**
 * Synthetic risks for benchmarks: per synthetic project `risksPerProject`
 * risks, each with `assessmentsPerRisk` assessments (the first inherent, the
 * rest residual, a month apart up to the synthetic "today"), the risk's
 * current figures from its latest residual one. Deterministic (hashes of ids
 * and positions), written by three set-based statements so 200,000 risks
 * load in seconds rather than hours. Only synthetic projects get them.
 */
export async function seedSyntheticRisks(
  prisma: PrismaClient,
  { risksPerProject = 10, assessmentsPerRisk = 5 } = {},
): Promise<{ risks: number; assessments: number }> {
  const matrix = await prisma.riskMatrix.findFirstOrThrow({ where: { key: DEFAULT_MATRIX_KEY }, orderBy: { version: "desc" }, select: { id: true } });
  const bandCase = (score: string) => `CASE ${DEFAULT_MATRIX_V1.bands.map((b) => `WHEN ${score} BETWEEN ${b.min} AND ${b.max} THEN '${b.key}'`).join(" ")} END`;
  const h = (expr: string) => `(hashtext(${expr}) & 2147483647)`;
  const risks = await prisma.$executeRawUnsafe(
    `INSERT INTO "Risk" ("id", "projectId", "code", "titleEn", "titleZh", "kind", "category", "status", "nextReviewOn", "matrixId", "version", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), p."id", 'SYN-R-' || lpad(g::text, 3, '0'), 'Synthetic risk ' || g || ' of ' || p."nameEn", '合成风险 ' || g,
            (CASE WHEN ${h(`p."id"::text || 'k' || g`)} % 10 = 0 THEN 'OPPORTUNITY' ELSE 'THREAT' END)::"RiskKind",
            (enum_range(NULL::"RiskCategory"))[1 + ${h(`p."id"::text || 'c' || g`)} % 12],
            (enum_range(NULL::"RiskStatus"))[1 + ${h(`p."id"::text || 's' || g`)} % 5],
            DATE '${SYNTHETIC_AS_OF}' + ((${h(`p."id"::text || 'r' || g`)} % 240) - 120),
            $1::uuid, 1, now(), now()
     FROM "Project" p CROSS JOIN generate_series(1, $2::int) g
     WHERE p."slug" LIKE '${SYNTHETIC_SLUG_PREFIX}%'`,
    matrix.id,
    risksPerProject,
  );
  const assessments = await prisma.$executeRawUnsafe(
    `INSERT INTO "RiskAssessment" ("id", "riskId", "kind", "matrixId", "probability", "impacts", "impact", "score", "band", "note", "assessedAt", "assessedByName")
     SELECT gen_random_uuid(), x."id", x.kind::"RiskAssessmentKind", $1::uuid, x.p, jsonb_build_object('cost', x.i, 'schedule', greatest(1, x.i - 1)), x.i, x.p * x.i, ${bandCase("x.p * x.i")}, '',
            TIMESTAMPTZ '${SYNTHETIC_AS_OF}T12:00:00Z' - ((($2::int) - x.k) * INTERVAL '30 days'), 'Synthetic assessor'
     FROM (
       SELECT r."id", k, CASE WHEN k = 1 THEN 'INHERENT' ELSE 'RESIDUAL' END AS kind,
              1 + ${h(`r."id"::text || 'p' || k`)} % 5 AS p, 1 + ${h(`r."id"::text || 'i' || k`)} % 5 AS i
       FROM "Risk" r CROSS JOIN generate_series(1, $2::int) k
       WHERE r."code" LIKE 'SYN-R-%'
     ) x`,
    matrix.id,
    assessmentsPerRisk,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE "Risk" r SET "currentProbability" = a."probability", "currentImpact" = a."impact", "currentScore" = a."score", "currentBand" = a."band"
     FROM (SELECT DISTINCT ON ("riskId") "riskId", "probability", "impact", "score", "band" FROM "RiskAssessment" ORDER BY "riskId", ("kind" = 'RESIDUAL') DESC, "assessedAt" DESC) a
     WHERE a."riskId" = r."id" AND r."code" LIKE 'SYN-R-%'`,
  );
  return { risks, assessments };
}
