import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectDetailView } from "@/components/projects/detail/project-detail-view";
import { getViewer, requireReader } from "@/lib/auth/session";
import { publicReadAllowed } from "@/lib/env";
import { localizedString } from "@/lib/i18n/bilingual";
import { countryNamer } from "@/lib/i18n/display-names";
import { getProject } from "@/lib/projects/get-project";
import { getProjectPermissions } from "@/lib/projects/project-permissions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  // No project name in the tab title for a visitor who may not read it.
  if (!(await getViewer()) && !publicReadAllowed()) return {};
  const project = await getProject({ slug: (await params).slug });
  // The page then renders "not found": say so in the tab too (the page's metadata wins over not-found's).
  if (!project) return { title: (await getTranslations("notFound"))("title") };
  const locale = await getLocale();
  return {
    title: localizedString({ en: project.nameEn, zh: project.nameZh }, locale),
    description: localizedString({ en: project.summary, zh: project.summaryZh }, locale) || undefined,
  };
}

export default async function ProjectPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const viewer = await requireReader(`/projects/${encodeURIComponent(slug)}`);
  const project = await getProject({ slug });
  if (!project) notFound();
  const [permissions, locale] = await Promise.all([getProjectPermissions({ slug, viewer }), getLocale()]);
  return <ProjectDetailView project={project} countryName={countryNamer(locale)(project.countryCode)} permissions={permissions} />;
}
