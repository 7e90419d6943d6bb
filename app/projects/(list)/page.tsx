import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectsView } from "@/components/projects/projects-view";
import { requireReader } from "@/lib/auth/session";
import { resolveListPage } from "@/lib/views/resolve-list-page";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.list");
  return { title: t("title") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const viewer = await requireReader("/projects");
  const page = await resolveListPage({ viewer, raw: await searchParams, locale: await getLocale() });
  if (page.redirect) redirect(page.redirect);
  return (
    <ClientMessages route="projects/(list)">
      <ProjectsView {...page.props} signedIn={!!viewer} />
    </ClientMessages>
  );
}
