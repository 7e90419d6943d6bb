import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import { ProjectDetailView } from "@/components/projects/detail/project-detail-view";
import { countryNamer } from "@/lib/i18n/display-names";
import { getProject } from "@/lib/projects/get-project";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const project = await getProject({ slug: (await params).slug });
  return project ? { title: project.nameEn, description: project.summary || undefined } : {};
}

export default async function ProjectPage({ params }: Props) {
  await connection();
  const project = await getProject({ slug: (await params).slug });
  if (!project) notFound();
  const countryName = countryNamer(await getLocale())(project.countryCode);
  return <ProjectDetailView project={project} countryName={countryName} />;
}
