import "server-only";
import { db } from "../db/client";

export interface ProjectName {
  slug: string;
  nameEn: string;
}

/** Every project's slug and English name, in name order (the admin page's assignment picker). */
export async function listProjectNames(): Promise<ProjectName[]> {
  const prisma = await db();
  return prisma.project.findMany({ orderBy: [{ nameSortKey: "asc" }, { id: "asc" }], select: { slug: true, nameEn: true } });
}
