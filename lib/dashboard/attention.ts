import "server-only";
import { db } from "../db/client";
import type { Health } from "../projects/enums";
import type { DashboardFilters } from "./filters";
import { projectFilterSql } from "./sql";
import type { ProjectRef } from "./types";

export const ATTENTION_LIMIT = 6;

export interface AttentionProject extends ProjectRef {
  /** The comment of the latest history entry that set its health (why it is at risk or off track); null: none given. */
  reason: string | null;
  /** When that entry is dated (ISO timestamp); null: the health was never changed in the history. */
  since: string | null;
}

export interface AttentionList {
  rows: AttentionProject[];
  /** All off-track and at-risk projects under the filters. */
  total: number;
}

/**
 * The projects that need attention, for the dashboard's first screen: off
 * track first, then at risk, each with why (the comment given when its health
 * was last set), latest change first within each.
 */
export async function listAttentionProjects({ filters, limit = ATTENTION_LIMIT }: { filters: DashboardFilters; limit?: number }): Promise<AttentionList> {
  const prisma = await db();
  const where = projectFilterSql(filters);
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<{ slug: string; name: string; name_zh: string | null; health: Health; reason: string | null; occurred_at: Date | null }[]>`
      SELECT p.slug, p."nameEn" AS name, p."nameZh" AS name_zh, p.health, last.comment AS reason, last."occurredAt" AS occurred_at
      FROM "Project" p
      LEFT JOIN LATERAL (
        SELECT su.comment, su."occurredAt" FROM "StatusUpdate" su
        JOIN "FieldChange" fc ON fc."updateId" = su.id AND fc.field = 'health'
        WHERE su."projectId" = p.id
        ORDER BY su."occurredAt" DESC, su."recordedAt" DESC
        LIMIT 1
      ) last ON TRUE
      WHERE p.health IN ('OFF_TRACK'::"Health", 'AT_RISK'::"Health") AND ${where}
      ORDER BY (p.health = 'OFF_TRACK'::"Health") DESC, last."occurredAt" DESC NULLS LAST, p."nameSortKey", p.id
      LIMIT ${limit}`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Project" p WHERE p.health IN ('OFF_TRACK'::"Health", 'AT_RISK'::"Health") AND ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      nameZh: r.name_zh,
      health: r.health,
      reason: r.reason?.trim() ? r.reason.trim() : null,
      since: r.occurred_at ? new Date(r.occurred_at).toISOString() : null,
    })),
    total: count?.n ?? 0,
  };
}
