import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ProjectTimeline } from "@/components/timeline/project-timeline";
import { requireReader } from "@/lib/auth/session";
import { portfolioToday } from "@/lib/dates/portfolio-day";
import { parseListParamsLenient } from "@/lib/projects/list-params";
import { listTimeline } from "@/lib/projects/timeline";
import { readScopeOf } from "@/lib/projects/project-scope";
import { unitsInScope } from "@/lib/org/org-units";
import { ZOOMS, type Zoom } from "@/lib/projects/timeline-scale";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("timeline");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filtered projects as a timeline: the table's filters, sort and page, drawn against time. */
export default async function TimelinePage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const viewer = await requireReader("/projects/timeline");
  const { zoom: rawZoom, ...raw } = await searchParams;
  const zoom: Zoom = ZOOMS.includes(rawZoom as Zoom) ? (rawZoom as Zoom) : "year";
  const { params, ignored } = parseListParamsLenient(raw);
  if (rawZoom !== undefined && !ZOOMS.includes(rawZoom as Zoom)) ignored.push("zoom");
  const scope = readScopeOf(viewer);
  const [{ rows, total }, units] = await Promise.all([listTimeline({ params, where: { scope, managerId: viewer?.id ?? null } }), unitsInScope(scope)]);
  return (
    <ClientMessages route="projects/timeline">
      <ProjectTimeline params={params} ignored={ignored} rows={rows} total={total} zoom={zoom} today={portfolioToday()} units={units} />
    </ClientMessages>
  );
}
