import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { projectReadScope } from "./project-scope";
import type { AppLocale } from "../i18n/config";

export interface ProjectName {
  slug: string;
  nameEn: string;
  nameZh: string | null;
}

/** The slug and names of every project the viewer may read, in name order for the interface language (the admin page's pickers). */
export async function listProjectNames({ locale, viewer }: { locale?: AppLocale; viewer: Viewer | null }): Promise<ProjectName[]> {
  const prisma = await db();
  const orderBy = locale === "zh-CN" ? [{ nameSortKeyZh: "asc" as const }, { id: "asc" as const }] : [{ nameSortKey: "asc" as const }, { id: "asc" as const }];
  return prisma.project.findMany({ where: projectReadScope(viewer), orderBy, select: { slug: true, nameEn: true, nameZh: true } });
}
