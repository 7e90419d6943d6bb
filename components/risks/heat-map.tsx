import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { bandFor } from "@/lib/risks/matrix";
import { riskListQuery } from "@/lib/risks/risk-list-params";
import type { HeatMap as HeatMapData } from "@/lib/risks/types";
import { BandShape } from "./band-marker";
import { matrixLabels } from "./matrix-labels";

/**
 * The matrix as a table: probability rows (highest first), impact columns;
 * each cell shows its band (shape and colour) and the number of risks, and
 * links to the risk list filtered to that cell.
 */
export function HeatMap({ data, caption, linkCells = true }: { data: HeatMapData; caption: string; linkCells?: boolean }) {
  const t = useTranslations("risks.heatMap");
  const locale = useLocale();
  const labels = matrixLabels(data.matrix, locale);
  const count = (p: number, i: number) => data.cells.find((c) => c.probability === p && c.impact === i)?.count ?? 0;
  const probabilities = [...data.matrix.probabilityLevels].reverse();
  return (
    <table className="border-collapse text-sm">
      <caption className="mb-2 text-left text-sm text-slate-700">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="p-1 text-left text-xs font-medium text-slate-600">
            {t("corner")}
          </th>
          {data.matrix.impactLevels.map((l) => (
            <th key={l.level} scope="col" className="w-20 p-1 text-center text-xs font-medium text-slate-700">
              {l.level} · {labels.impact(l.level)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {probabilities.map((p) => (
          <tr key={p.level}>
            <th scope="row" className="p-1 pr-2 text-right text-xs font-medium text-slate-700">
              {p.level} · {labels.probability(p.level)}
            </th>
            {data.matrix.impactLevels.map((i) => {
              const band = bandFor(data.matrix, p.level * i.level);
              const n = count(p.level, i.level);
              const label = t("cell", {
                count: n,
                probability: labels.probability(p.level),
                impact: labels.impact(i.level),
                band: locale === "zh-CN" ? band.zh : band.en,
              });
              const body = (
                <span className="flex h-14 flex-col items-center justify-center gap-0.5">
                  <BandShape shape={band.shape} colour={band.colour} className="h-2.5 w-2.5" />
                  <span className={n ? "text-base font-semibold text-slate-900" : "text-slate-500"}>{n}</span>
                </span>
              );
              return (
                <td key={i.level} className="border border-slate-300 p-0 text-center" style={{ backgroundColor: `${band.colour}1f` }}>
                  {linkCells && n > 0 ? (
                    <Link
                      href={`/risks?${riskListQuery({ p: p.level, i: i.level })}`}
                      aria-label={label}
                      className="block hover:bg-white/60 focus-visible:outline-2 focus-visible:outline-blue-700"
                    >
                      {body}
                    </Link>
                  ) : (
                    <span aria-label={label} role="img" className="block">
                      {body}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
