import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { HealthBadge } from "@/components/ui/health-badge";
import { formatFuzzyDate } from "@/lib/dates/fuzzy-date";
import type { ReportView } from "@/lib/reports/read-reports";
import { NARRATIVE_FIELDS } from "@/lib/reports/report.validation";
import type { MilestonesData } from "@/lib/reports/snapshot/milestones";
import type { OverviewData } from "@/lib/reports/snapshot/overview";
import { ChangeList } from "./change-list";
import { ReportSections } from "./report-sections";
import { ReportStateBadge } from "./report-state-badge";

/** A report as stored: a published one exactly as it was published (its snapshot, changes and narrative). */
export function ReportDocument({ report }: { report: ReportView }) {
  const t = useTranslations("reports.report");
  const tN = useTranslations("reports.narrative");
  const tEnum = useTranslations("enums");
  const locale = useLocale();
  const format = useFormatter();
  const zh = locale === "zh-CN";
  const name = zh && report.project.nameZh ? report.project.nameZh : report.project.nameEn;
  const overview = report.snapshot.overview as OverviewData | undefined;
  const milestones = (report.snapshot.milestones as MilestonesData | undefined)?.milestones ?? [];
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <article className="space-y-6">
      <p>
        <Link href={`/projects/${report.project.slug}`} className="link inline-flex min-h-11 items-center">
          {t("backToProject")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">
          {name}: {t("title", { period: report.periodId })}
          {report.reportVersion > 1 && <span className="ml-2 text-base font-normal text-slate-600">({t("versionN", { n: report.reportVersion })})</span>}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <ReportStateBadge state={report.state} />
          {report.publishedAt && report.publishedByName && <span>{t("publishedBy", { name: report.publishedByName, date: date(report.publishedAt) })}</span>}
        </p>
        {report.state === "RETURNED" && report.returnComment && (
          <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950">
            {t("returnedWithComment", { name: report.returnedByName ?? "", comment: report.returnComment })}
          </p>
        )}
        {report.supersedes && (
          <p className="text-sm text-slate-700">
            {t("supersedes", { n: report.supersedes.reportVersion, reason: report.supersedeReason ?? "" })}{" "}
            <Link className="link" href={`/projects/${report.project.slug}/reports/${report.supersedes.id}`}>
              {t("openVersion", { n: report.supersedes.reportVersion })}
            </Link>
          </p>
        )}
        {report.supersededBy && (
          <p className="text-sm text-slate-700">
            {t("supersededBy", { n: report.supersededBy.reportVersion })}{" "}
            <Link className="link" href={`/projects/${report.project.slug}/reports/${report.supersededBy.id}`}>
              {t("openVersion", { n: report.supersededBy.reportVersion })}
            </Link>
          </p>
        )}
        {report.state !== "PUBLISHED" && <p className="text-sm text-slate-600">{t("liveDraft")}</p>}
      </header>

      {report.state === "PUBLISHED" && (
        <section aria-labelledby="headline-heading" className="rounded-md border border-slate-300 p-4">
          <h2 id="headline-heading" className="mb-2 text-lg font-semibold">
            {t("headline")}
          </h2>
          {report.changes.length ? <ChangeList changes={report.changes} /> : <p className="text-sm text-slate-600">{t("noChanges")}</p>}
        </section>
      )}

      {overview && (
        <section aria-labelledby="overview-heading">
          <h2 id="overview-heading" className="mb-2 text-lg font-semibold">
            {t("overview")}
          </h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t("health")}</dt>
              <dd>{overview.health ? <HealthBadge health={overview.health} /> : t("none")}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("stage")}</dt>
              <dd>{overview.stage ? tEnum(`stage.${overview.stage}`) : t("none")}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("progress")}</dt>
              <dd>
                {overview.progressPercent === null || overview.progressPercent === undefined
                  ? t("none")
                  : t("progressValue", { value: overview.progressPercent })}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("forecastFinish")}</dt>
              <dd>{overview.forecastFinish ? formatFuzzyDate(overview.forecastFinish, locale) : t("none")}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("plannedFinish")}</dt>
              <dd>{overview.plannedFinish ? formatFuzzyDate(overview.plannedFinish, locale) : t("none")}</dd>
            </div>
          </dl>
        </section>
      )}

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading" className="mb-2 text-lg font-semibold">
          {t("milestones")}
        </h2>
        {milestones.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noMilestones")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-slate-300 text-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("milestone")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("baseline")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("forecast")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("actual")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("milestoneState")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t("slip")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.id} className="border-b border-slate-200">
                    <td className="py-2 pr-4">{zh && m.titleZh ? m.titleZh : m.title}</td>
                    <td className="py-2 pr-4">{m.baseline ? formatFuzzyDate(m.baseline, locale) : t("none")}</td>
                    <td className="py-2 pr-4">{m.forecast ? formatFuzzyDate(m.forecast, locale) : t("none")}</td>
                    <td className="py-2 pr-4">{m.actual ? formatFuzzyDate(m.actual, locale) : t("none")}</td>
                    <td className="py-2 pr-4">{tEnum(`milestoneState.${m.state}` as never)}</td>
                    <td className="py-2 pr-4">{m.slipDays ?? t("none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <ReportSections snapshot={report.snapshot} />

      <section aria-labelledby="narrative-heading" className="space-y-3">
        <h2 id="narrative-heading" className="text-lg font-semibold">
          {t("narrative")}
        </h2>
        {NARRATIVE_FIELDS.map((f) => {
          const en = report.narrative[`${f}En`] ?? "";
          const zhText = report.narrative[`${f}Zh`] ?? "";
          const [first, second, firstLang, secondLang] = zh ? [zhText, en, "zh-CN", "en"] : [en, zhText, "en", "zh-CN"];
          if (!first && !second) return null;
          return (
            <div key={f}>
              <h3 className="font-medium text-slate-900">{tN(f)}</h3>
              {first && (
                <p lang={firstLang} className="whitespace-pre-line text-slate-800">
                  {first}
                </p>
              )}
              {second && (
                <p lang={secondLang} className="whitespace-pre-line text-slate-600">
                  {second}
                </p>
              )}
            </div>
          );
        })}
      </section>
      {report.contentHash && (
        <p className="text-xs break-all text-slate-600">
          {t("contentHash")}: <code>{report.contentHash}</code>
        </p>
      )}
    </article>
  );
}
