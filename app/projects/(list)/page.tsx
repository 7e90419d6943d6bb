import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ProjectsView } from "@/components/projects/projects-view";
import { parseListParamsLenient } from "@/lib/projects/list-params";
import { listFilterOptions, listProjects } from "@/lib/projects/list-projects";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.list");
  return { title: t("title") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { params, ignored } = parseListParamsLenient(await searchParams);
  const [result, options] = await Promise.all([listProjects(params), listFilterOptions()]);
  return <ProjectsView params={params} ignored={ignored} result={result} options={options} />;
}
