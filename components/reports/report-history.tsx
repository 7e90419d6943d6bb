import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReportHistoryLine } from "@/lib/reports/read-reports";
import { ReportStateBadge } from "./report-state-badge";

/** The project page's report history: one line per report version, newest period first. */
export function ReportHistory({ slug, lines, startPeriod }: { slug: string; lines: ReportHistoryLine[]; startPeriod: string | null }) {
  const t = useTranslations("reports.history");
  const format = useFormatter();
  return (
    <section aria-labelledby="report-history-heading" className="mt-8 space-y-3">
      <h2 id="report-history-heading" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      {startPeriod && (
        <p>
          <Link href={`/projects/${slug}/reports/new?period=${startPeriod}`} className="btn-secondary inline-flex min-h-11 items-center px-4">
            {t("start", { period: startPeriod })}
          </Link>
        </p>
      )}
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("period")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("state")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("by")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("when")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("changes")}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id} className="border-b border-slate-200">
                  <td className="py-2 pr-4">
                    <Link
                      href={`/projects/${slug}/reports/${l.id}`}
                      className="link inline-flex min-h-11 items-center"
                      aria-label={t("open", { period: l.periodId })}
                    >
                      {l.periodId}
                      {l.reportVersion > 1 ? ` (v${l.reportVersion})` : ""}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">
                    <ReportStateBadge state={l.state} /> {l.supersededByPublished && <span className="text-xs text-slate-600">{t("superseded")}</span>}
                  </td>
                  <td className="py-2 pr-4">{l.by ?? "—"}</td>
                  <td className="py-2 pr-4">
                    <time dateTime={l.at}>{format.dateTime(new Date(l.at), { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</time>
                  </td>
                  <td className="py-2 pr-4">{l.state === "PUBLISHED" ? l.changeCount : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
