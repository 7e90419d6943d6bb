import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatFuzzyDate } from "@/lib/dates/fuzzy-date";
import type { CorrectionChange } from "@/lib/reports/correction-diff";
import type { CorrectionComparison as Comparison } from "@/lib/reports/read-correction";
import type { DatePrecision } from "@/lib/projects/enums";

/**
 * A correction beside the version it supersedes: the reason, then each
 * changed value as "version n | version n+1" (two columns that fit a phone,
 * not a wide table), with links to both versions as published.
 */
export function CorrectionComparison({ comparison, slug }: { comparison: Comparison; slug: string }) {
  const t = useTranslations("reports.correction");
  const tR = useTranslations("reports.report");
  const tN = useTranslations("reports.narrative");
  const tP = useTranslations("reports.pack");
  const tEnum = useTranslations("enums");
  const locale = useLocale();
  const { older, newer, reason, changes } = comparison;
  const label = (c: CorrectionChange) => {
    if (c.kind === "overview") return tR(c.field === "progressPercent" ? "progress" : c.field);
    if (c.kind === "narrative") return tN(c.lang === "En" ? "en" : "zh", { field: tN(c.field) });
    const name = tP.has(`figureKeys.${c.key}` as never)
      ? tP(`figureKeys.${c.key}` as never)
      : c.key.startsWith("kpi.")
        ? tP("kpiFigure", { key: c.key.slice(4) })
        : c.key;
    return c.currency ? `${name} (${c.currency})` : name;
  };
  const value = (c: CorrectionChange, v: string | null) => {
    if (v === null || v === "") return tR("none");
    if (c.kind === "overview") {
      if (c.field === "health" || c.field === "stage") return tEnum(`${c.field}.${v}` as never);
      if (c.field === "progressPercent") return tR("progressValue", { value: v });
      const m = /^(\S+)(?: \((\w+)\))?$/.exec(v);
      return m ? formatFuzzyDate({ date: m[1], precision: (m[2] ?? "DAY") as DatePrecision }, locale) : v;
    }
    return v;
  };
  const link = (r: Comparison["older"]) => (
    <Link className="link inline-flex min-h-11 items-center" href={`/projects/${slug}/reports/${r.id}`}>
      {t("openVersion", { n: r.reportVersion })}
    </Link>
  );
  return (
    <section aria-labelledby="correction-heading" className="rounded-md border border-slate-300 p-4">
      <h2 id="correction-heading" className="mb-1 text-lg font-semibold">
        {t("title", { from: older.reportVersion, to: newer.reportVersion })}
      </h2>
      <p className="text-sm text-slate-800">{t("reason", { reason })}</p>
      <p className="flex flex-wrap gap-x-4 text-sm">
        {link(older)}
        {link(newer)}
      </p>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noDifference")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" aria-label={t("listLabel")}>
          {changes.map((c, i) => (
            <li key={i} className="py-2 text-sm">
              <p className="font-medium">{label(c)}</p>
              <div className="grid grid-cols-2 gap-3">
                <div className="min-w-0 break-words">
                  <span className="block text-xs text-slate-600">{t("version", { n: older.reportVersion })}</span>
                  <span className="whitespace-pre-line">{value(c, c.before)}</span>
                </div>
                <div className="min-w-0 break-words">
                  <span className="block text-xs text-slate-600">{t("version", { n: newer.reportVersion })}</span>
                  <span className="whitespace-pre-line">{value(c, c.after)}</span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
