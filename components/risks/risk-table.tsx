import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import type { MatrixDefinition } from "@/lib/risks/matrix";
import type { RiskRow } from "@/lib/risks/types";
import { BandBadge } from "./band-marker";
import { matrixLabels } from "./matrix-labels";

/** Risks with their current score and band, trend, owner and next review. */
export function RiskTable({
  rows,
  matrix,
  caption,
  showProject = true,
  showTrend = false,
}: {
  rows: RiskRow[];
  matrix: MatrixDefinition;
  caption: string;
  showProject?: boolean;
  showTrend?: boolean;
}) {
  const t = useTranslations("risks");
  const locale = useLocale();
  const labels = matrixLabels(matrix, locale);
  if (!rows.length) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-300 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
          <tr>
            <th scope="col" className="px-2 py-2">
              {t("columns.code")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("columns.title")}
            </th>
            {showProject && (
              <th scope="col" className="px-2 py-2">
                {t("columns.project")}
              </th>
            )}
            <th scope="col" className="px-2 py-2">
              {t("columns.category")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("columns.status")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("columns.score")}
            </th>
            {showTrend && (
              <th scope="col" className="px-2 py-2">
                {t("columns.trend")}
              </th>
            )}
            <th scope="col" className="px-2 py-2">
              {t("columns.owner")}
            </th>
            <th scope="col" className="px-2 py-2">
              {t("columns.nextReview")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => {
            const band = labels.band(r.band);
            const trend =
              r.previousScore === null || r.score === null ? "none" : r.score > r.previousScore ? "up" : r.score < r.previousScore ? "down" : "same";
            return (
              <tr key={r.id}>
                <td className="px-2 py-2 font-mono text-xs">{r.code}</td>
                <td className="px-2 py-2">
                  <Link href={`/projects/${encodeURIComponent(r.project.slug)}/risks/${encodeURIComponent(r.code)}`} className="link">
                    <LocalizedText value={r.title} />
                  </Link>
                </td>
                {showProject && (
                  <td className="px-2 py-2">
                    <Link href={`/projects/${encodeURIComponent(r.project.slug)}`} className="link">
                      <LocalizedText value={r.project.name} />
                    </Link>
                  </td>
                )}
                <td className="px-2 py-2">{t(`category.${r.category}`)}</td>
                <td className="px-2 py-2">{t(`status.${r.status}`)}</td>
                <td className="px-2 py-2">
                  <BandBadge score={r.score} band={band} bandLabel={band?.label ?? null} />
                </td>
                {showTrend && (
                  <td className="px-2 py-2">
                    <span aria-hidden="true">{trend === "up" ? "▲" : trend === "down" ? "▼" : trend === "same" ? "▶" : ""}</span>{" "}
                    <span>{t(`trend.${trend}`, { previous: r.previousScore ?? 0 })}</span>
                  </td>
                )}
                <td className="px-2 py-2">{r.owner?.name ?? "–"}</td>
                <td className="px-2 py-2 tabular-nums">{r.nextReviewOn ?? "–"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
