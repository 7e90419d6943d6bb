import "server-only";
import { db } from "../db/client";
import type { AppLocale } from "../i18n/config";

export interface ProjectName {
  slug: string;
  nameEn: string;
  nameZh: string | null;
}

/** Every project's slug and names, in name order for the interface language (the admin page's assignment picker). */
export async function listProjectNames({ locale }: { locale?: AppLocale } = {}): Promise<ProjectName[]> {
  const prisma = await db();
  const orderBy = locale === "zh-CN" ? [{ nameSortKeyZh: "asc" as const }, { id: "asc" as const }] : [{ nameSortKey: "asc" as const }, { id: "asc" as const }];
  return prisma.project.findMany({ orderBy, select: { slug: true, nameEn: true, nameZh: true } });
}
