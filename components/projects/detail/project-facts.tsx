import type { ReactNode } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import { HealthBadge } from "@/components/ui/health-badge";
import { FallbackTag, LocalizedText } from "@/components/ui/localized-text";
import { monolingual } from "@/lib/i18n/bilingual";
import { commodityLabel } from "@/lib/i18n/commodities";
import { subdivisionName } from "@/lib/i18n/subdivisions";
import type { ProjectDetail } from "@/lib/projects/types";
import { DetailSection } from "./section";

export function ProjectFacts({ project, countryName }: { project: ProjectDetail; countryName: string | null }) {
  const t = useTranslations("projectDetail.facts");
  const tEnum = useTranslations("enums");
  const tCommon = useTranslations("common");
  const tCommodity = useTranslations("commodities");
  const format = useFormatter();
  const notReported = <span className="text-slate-500">{t("notReported")}</span>;

  return (
    <DetailSection id="facts-heading" title={t("title")}>
      <dl className="grid gap-x-6 gap-y-4 rounded-lg border border-slate-300 bg-white p-5 shadow-xs sm:grid-cols-2 lg:grid-cols-3">
        <Fact label={t("stage")}>{tEnum(`stage.${project.stage}`)}</Fact>
        <Fact label={t("health")}>
          <HealthBadge health={project.health} />
        </Fact>
        <Fact label={t("kind")}>{tEnum(`kind.${project.kind}`)}</Fact>
        <Fact label={t("businessLine")}>{tEnum(`businessLine.${project.businessLine}`)}</Fact>
        <Fact label={t("commodities")}>
          {project.commodities.length ? (
            <span>
              {format.list(
                project.commodities.map((c) => commodityLabel(tCommodity, c)),
                { type: "conjunction" },
              )}
            </span>
          ) : (
            notReported
          )}
        </Fact>
        <Fact label={t("organization")}>
          <LocalizedText value={{ en: project.orgUnit.nameEn, zh: project.orgUnit.nameZh }} />
        </Fact>
        <Fact label={t("operatingCompany")}>{project.operatingCompany ? <LocalizedText value={monolingual(project.operatingCompany)} /> : notReported}</Fact>
        <Fact label={t("region")}>{project.region ? tEnum(`region.${project.region}`) : notReported}</Fact>
        <Fact label={t("country")}>{countryName ?? notReported}</Fact>
        <Fact label={t("subdivision")}>{project.subdivision ? <SubdivisionText stored={project.subdivision} /> : notReported}</Fact>
        <Fact label={t("progress")}>{project.progressPercent === null ? notReported : tCommon("percent", { value: project.progressPercent })}</Fact>
        <Fact label={t("plannedFinish")}>{project.plannedFinish ? <FuzzyDateText value={project.plannedFinish} /> : notReported}</Fact>
        <Fact label={t("forecastFinish")}>{project.forecastFinish ? <FuzzyDateText value={project.forecastFinish} /> : notReported}</Fact>
        <Fact label={t("actualFinish")}>{project.actualFinish ? <FuzzyDateText value={project.actualFinish} /> : notReported}</Fact>
      </dl>
    </DetailSection>
  );
}

/** A province in the reader's language (lib/i18n/subdivisions.ts); one the table does not know, as stored and tagged English. */
function SubdivisionText({ stored }: { stored: string }) {
  const shown = subdivisionName(stored, useLocale());
  if (!shown.fallback) return <span>{shown.text}</span>;
  return (
    <>
      <span lang="en">{shown.text}</span> <FallbackTag language="en" />
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}
