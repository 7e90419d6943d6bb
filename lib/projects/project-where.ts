import type { Prisma } from "../db/generated/client";
import type { ProjectListParams } from "./list-params";

/** The Prisma filter for the list's state; shared by the list, its count and (later) exports. */
export function projectWhere(params: Pick<ProjectListParams, "q" | "region" | "country" | "line" | "stage" | "health">): Prisma.ProjectWhereInput {
  const and: Prisma.ProjectWhereInput[] = [];
  if (params.region.length) and.push({ region: { in: params.region } });
  if (params.country.length) and.push({ countryCode: { in: params.country } });
  if (params.line.length) and.push({ businessLine: { in: params.line } });
  if (params.stage.length) and.push({ stage: { in: params.stage } });
  if (params.health.length) and.push({ health: { in: params.health } });
  const q = params.q?.trim();
  if (q) {
    // Prisma passes % and _ through to LIKE; a search for "50%" means the text.
    const literal = q.replace(/[\\%_]/g, "\\$&");
    and.push({
      OR: [{ nameEn: { contains: literal, mode: "insensitive" } }, { nameZh: { contains: literal, mode: "insensitive" } }],
    });
  }
  return and.length ? { AND: and } : {};
}
