import type { PrismaClient } from "../db/generated/client";
import { periodBounds, shiftPeriod } from "./periods";

/**
 * Synthetic published reports for benchmarks and scale tests: for every
 * project, one published report a month for `months` months ending at
 * `lastPeriod`, with the figures and a few "what changed" lines, written by
 * set-based SQL (seconds for 20,000 × 24). Figures are inserted while the
 * reports are SUBMITTED, then the reports are published: the trigger that
 * freezes published reports stays on.
 */
export async function seedSyntheticReports(prisma: PrismaClient, { months, lastPeriod }: { months: number; lastPeriod: string }): Promise<{ reports: number }> {
  const periods = Array.from({ length: months }, (_, i) => shiftPeriod(lastPeriod, -(months - 1 - i)));
  for (const id of periods) {
    const { startsOn, endsOn } = periodBounds(id);
    await prisma.reportingPeriod.upsert({ where: { id }, create: { id, startsOn, endsOn }, update: {} });
  }
  let reports = 0;
  for (const periodId of periods) {
    const inserted = await prisma.$executeRaw`
      INSERT INTO "StatusReport" ("id", "projectId", "periodId", "reportVersion", "state", "narrative", "snapshot", "changes", "createdByName",
        "submittedAt", "submittedByName", "businessLine", "health", "stage", "progressPercent", "forecastFinish", "changeCount", "version", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), p."id", ${periodId}, 1, 'SUBMITTED',
        jsonb_build_object('summaryEn', 'Synthetic report of ' || p."nameEn", 'summaryZh', '合成报告：' || coalesce(p."nameZh", p."nameEn")),
        jsonb_build_object('overview', jsonb_build_object('nameEn', p."nameEn", 'nameZh', p."nameZh", 'businessLine', p."businessLine", 'health', p."health", 'stage', p."stage", 'progressPercent', p."progressPercent"), 'milestones', jsonb_build_object('milestones', '[]'::jsonb)),
        CASE WHEN p."health" = 'OFF_TRACK' THEN jsonb_build_array(jsonb_build_object('section', 'overview', 'kind', 'healthMoved', 'severity', 'bad', 'params', jsonb_build_object('from', 'AT_RISK', 'to', 'OFF_TRACK'))) ELSE '[]'::jsonb END,
        'synthetic', now(), 'synthetic', p."businessLine", p."health", p."stage", p."progressPercent", p."forecastFinish",
        CASE WHEN p."health" = 'OFF_TRACK' THEN 1 ELSE 0 END, 1, now(), now()
      FROM "Project" p
      WHERE NOT EXISTS (SELECT 1 FROM "StatusReport" r WHERE r."projectId" = p."id" AND r."periodId" = ${periodId})`;
    await prisma.$executeRaw`
      INSERT INTO "ReportFigure" ("id", "reportId", "key", "value", "currency")
      SELECT gen_random_uuid(), r."id", f.key, f.value, ''
      FROM "StatusReport" r
      CROSS JOIN LATERAL (VALUES ('overview.progressPercent', coalesce(r."progressPercent", 0)::numeric), ('milestones.total', 0::numeric)) AS f(key, value)
      WHERE r."periodId" = ${periodId} AND r."state" = 'SUBMITTED' AND r."createdByName" = 'synthetic'`;
    await prisma.$executeRaw`
      UPDATE "StatusReport" SET "state" = 'PUBLISHED', "publishedAt" = now(), "publishedByName" = 'synthetic', "contentHash" = md5("id"::text) || md5("periodId")
      WHERE "periodId" = ${periodId} AND "state" = 'SUBMITTED' AND "createdByName" = 'synthetic'`;
    reports += inserted;
  }
  return { reports };
}
