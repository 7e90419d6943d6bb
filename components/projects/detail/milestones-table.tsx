import { useLocale, useTranslations } from "next-intl";
import { AddMilestone, MilestoneActions } from "@/components/projects/edit/on-demand";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import { LocalizedText, SecondaryText } from "@/components/ui/localized-text";
import { localizedString } from "@/lib/i18n/bilingual";
import type { ProjectPermissions } from "@/lib/projects/project-permissions";
import type { MilestoneState } from "@/lib/projects/enums";
import type { ProjectDetail } from "@/lib/projects/types";
import { DetailSection } from "./section";

const STATE_STYLE: Record<MilestoneState, string> = {
  PLANNED: "bg-slate-100 text-slate-800 ring-slate-600/30",
  ACHIEVED: "bg-emerald-50 text-emerald-800 ring-emerald-700/30",
  MISSED: "bg-red-50 text-red-800 ring-red-700/30",
  CANCELLED: "bg-slate-100 text-slate-600 ring-slate-500/30",
};

/** The project's milestones; with permission, each row gets its edit controls and the section an "Add milestone" button. */
export function MilestonesTable({ project, permissions }: { project: ProjectDetail; permissions: ProjectPermissions }) {
  const t = useTranslations("projectDetail.milestones");
  const tEnum = useTranslations("enums.milestoneState");
  const tCommon = useTranslations("common");
  const locale = useLocale();

  function slip(days: number | null): string {
    if (days === null) return tCommon("empty");
    if (days > 0) return t("late", { days });
    if (days < 0) return t("early", { days: -days });
    return t("onTime");
  }

  return (
    <DetailSection id="milestones-heading" title={t("title")}>
      {permissions.canCreateMilestone && <AddMilestone slug={project.slug} />}
      {project.milestones.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption", { project: localizedString({ en: project.nameEn, zh: project.nameZh }, locale) })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                {(["milestone", "baseline", "forecast", "actual", "state", "slip"] as const).map((key) => (
                  <th
                    key={key}
                    scope="col"
                    className={`border-b border-slate-300 px-3 py-2 font-semibold whitespace-nowrap ${key === "slip" ? "text-right" : ""}`}
                  >
                    {t(key)}
                  </th>
                ))}
                {permissions.canUpdateMilestone && (
                  <th scope="col" className="border-b border-slate-300 px-3 py-2 text-right font-semibold whitespace-nowrap">
                    {t("actions")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {project.milestones.map((m) => (
                <tr key={m.id} className="border-b border-slate-200 last:border-b-0">
                  <th scope="row" className="px-3 py-2.5 text-left font-medium text-slate-900">
                    <LocalizedText value={{ en: m.title, zh: m.titleZh }} />
                    <SecondaryText value={{ en: m.title, zh: m.titleZh }} className="block font-normal text-slate-600" />
                  </th>
                  <td className="px-3 py-2.5 whitespace-nowrap">
                    <FuzzyDateText value={m.baseline} />
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap">
                    <FuzzyDateText value={m.forecast} />
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap">
                    <FuzzyDateText value={m.actual} />
                  </td>
                  <td className="px-3 py-2.5">
                    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${STATE_STYLE[m.state]}`}>
                      {tEnum(m.state)}
                    </span>
                  </td>
                  <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{slip(m.slipDays)}</td>
                  {permissions.canUpdateMilestone && (
                    <td className="px-3 py-2">
                      <MilestoneActions
                        slug={project.slug}
                        milestone={m}
                        label={localizedString({ en: m.title, zh: m.titleZh }, locale)}
                        canRebaseline={permissions.canRebaseline}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </DetailSection>
  );
}
