import { pinyinSortKey } from "../projects/pinyin-sort-key";
import type { PrismaClient } from "./generated/client";

/**
 * Fills the zh-CN sort key of projects written before it existed (the
 * migration that added the column cannot compute pinyin in SQL). Idempotent
 * and cheap when nothing is missing: one indexed look-up. Raw SQL so that
 * "last updated" (Prisma's @updatedAt) does not move: nothing the user sees changed.
 */
export async function backfillPinyinSortKeys(prisma: PrismaClient, batch = 1000): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await prisma.project.findMany({ where: { nameSortKeyZh: null }, select: { id: true, nameEn: true, nameZh: true }, take: batch });
    if (!rows.length) return filled;
    await prisma.$executeRaw`
      UPDATE "Project" p SET "nameSortKeyZh" = k.key
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => pinyinSortKey(r.nameZh ?? r.nameEn))}::text[]) AS k(id, key)
      WHERE p.id = k.id`;
    filled += rows.length;
  }
}
