import Link from "next/link";
import { useTranslations } from "next-intl";
import { HealthBadge } from "@/components/ui/health-badge";
import { LocalizedText } from "@/components/ui/localized-text";
import type { ProjectDetail } from "@/lib/projects/types";
import { DetailSection } from "./section";

/** The programme a project is part of, or a programme's parts (programmes are one level deep). */
export function ProgrammeParts({ project }: { project: Pick<ProjectDetail, "slug" | "programme" | "parts"> }) {
  const t = useTranslations("programmes");
  const tEnum = useTranslations("enums");
  if (project.programme) {
    const { programme } = project;
    return (
      <DetailSection id="programme-heading" title={t("partOf")}>
        <p className="text-sm">
          <Link href={`/projects/${encodeURIComponent(programme.slug)}`} className="link">
            <LocalizedText value={{ en: programme.nameEn, zh: programme.nameZh }} />
          </Link>
        </p>
      </DetailSection>
    );
  }
  if (!project.parts.length) return null;
  return (
    <DetailSection id="programme-heading" title={t("parts")}>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white shadow-xs">
        {project.parts.map((part) => (
          <li key={part.slug} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
            <Link href={`/projects/${encodeURIComponent(part.slug)}`} className="link">
              <LocalizedText value={{ en: part.nameEn, zh: part.nameZh }} />
            </Link>
            <span className="flex items-center gap-2 text-slate-700">
              {tEnum(`stage.${part.stage}`)}
              <HealthBadge health={part.health} />
            </span>
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href={`/projects?programme=${encodeURIComponent(project.slug)}`} className="link">
          {t("showInTable", { count: project.parts.length })}
        </Link>
      </p>
    </DetailSection>
  );
}
