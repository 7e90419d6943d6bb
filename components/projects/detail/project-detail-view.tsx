import Link from "next/link";
import { useTranslations } from "next-intl";
import { HealthBadge } from "@/components/ui/health-badge";
import { LocalizedText, SecondaryText } from "@/components/ui/localized-text";
import { NamesForm, StatusForm } from "@/components/projects/edit/on-demand";
import type { ProjectPermissions } from "@/lib/projects/project-permissions";
import type { ProjectDetail } from "@/lib/projects/types";
import { HistoryTimeline } from "./history-timeline";
import { MilestonesTable } from "./milestones-table";
import { FactBases } from "./fact-bases";
import { ProgrammeParts } from "./programme-parts";
import { ProjectFacts } from "./project-facts";
import { ReadOnlyNote } from "./read-only-note";
import { SourceQuotes } from "./source-quotes";

interface ProjectDetailViewProps {
  project: ProjectDetail;
  countryName: string | null;
  /** what the viewer may change: controls they cannot use are not shown (the server checks again) */
  permissions: ProjectPermissions;
}

/** One project: identity, key facts, the status update form (for its managers), milestones, history and sources. */
export function ProjectDetailView({ project, countryName, permissions }: ProjectDetailViewProps) {
  const t = useTranslations("projectDetail");
  const tEnum = useTranslations("enums");
  const name = { en: project.nameEn, zh: project.nameZh };
  return (
    <article className="space-y-8">
      <nav aria-label={t("breadcrumb")}>
        <ol className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <li>
            <Link href="/projects" className="link">
              {t("projects")}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <span aria-current="page" className="text-slate-800">
              <LocalizedText value={name} tagged={false} />
            </span>
          </li>
        </ol>
      </nav>

      <header className="space-y-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
            <LocalizedText value={name} />
          </h1>
          <SecondaryText value={name} className="mt-1 text-lg text-slate-700" />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <HealthBadge health={project.health} />
          <span className="inline-flex items-center rounded-full bg-blue-50 px-2.5 py-0.5 text-xs font-medium text-blue-800 ring-1 ring-blue-700/30 ring-inset">
            {tEnum(`stage.${project.stage}`)}
          </span>
        </div>
        {(project.summary || project.summaryZh) && (
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading" className="sr-only">
              {t("summary")}
            </h2>
            <p className="max-w-3xl text-base leading-relaxed text-slate-800">
              <LocalizedText value={{ en: project.summary, zh: project.summaryZh }} />
            </p>
          </section>
        )}
      </header>

      {permissions.readOnly && <ReadOnlyNote readOnly={permissions.readOnly} />}
      <ProjectFacts project={project} countryName={countryName} />
      <ProgrammeParts project={project} />
      {permissions.canUpdate && (
        <NamesForm
          slug={project.slug}
          project={{ version: project.version, nameEn: project.nameEn, nameZh: project.nameZh, summary: project.summary, summaryZh: project.summaryZh }}
        />
      )}
      {permissions.canUpdate && (
        <StatusForm
          slug={project.slug}
          project={{
            version: project.version,
            stage: project.stage,
            health: project.health,
            progressPercent: project.progressPercent,
            forecastFinish: project.forecastFinish,
            nameEn: project.nameEn,
            nameZh: project.nameZh,
            summary: project.summary,
            summaryZh: project.summaryZh,
          }}
        />
      )}
      <MilestonesTable project={project} permissions={permissions} />
      <div className="grid gap-8 lg:grid-cols-2">
        <HistoryTimeline history={project.history} />
        <SourceQuotes quotes={project.quotes} />
      </div>
      <FactBases bases={project.bases} />
    </article>
  );
}
