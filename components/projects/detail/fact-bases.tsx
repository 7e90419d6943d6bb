import { useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import { FACT_BASIS_ORDER, type FactBasisFact, type FactBasisView } from "@/lib/projects/types";
import { DetailSection } from "./section";

const KIND_STYLES: Record<FactBasisView["kind"], string> = {
  SOURCE: "bg-amber-50 text-amber-900 ring-amber-700/40",
  PUBLIC_FACT: "bg-sky-50 text-sky-900 ring-sky-700/30",
  INFERENCE: "bg-violet-50 text-violet-900 ring-violet-700/30",
};

const isFact = (v: string): v is FactBasisFact => (FACT_BASIS_ORDER as readonly string[]).includes(v);

/** How each fact of the project is known: a quote from the source, a named public fact, or an inference. */
export function FactBases({ bases }: { bases: FactBasisView[] }) {
  const t = useTranslations("factBasis");
  const tHistory = useTranslations("uxReview.history");
  if (!bases.length) return null;
  return (
    <DetailSection id="fact-basis-heading" title={t("title")}>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs">
        <table className="min-w-full text-sm" aria-labelledby="fact-basis-heading">
          <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("fact")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("basis")}
              </th>
              <th scope="col" className="px-4 py-2">
                {t("reasoning")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {bases.map((b, i) => (
              <tr key={`${b.fact}-${i}`}>
                <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                  {b.fact === "milestone" && b.milestoneTitle
                    ? tHistory.rich("milestone", { m: () => <LocalizedText value={{ en: b.milestoneTitle, zh: b.milestoneTitleZh }} /> })
                    : isFact(b.fact)
                      ? t(`facts.${b.fact}`)
                      : b.fact}
                </th>
                <td className="px-4 py-2">
                  <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${KIND_STYLES[b.kind]}`}>
                    {t(`kinds.${b.kind}`)}
                  </span>
                </td>
                <td className="px-4 py-2 text-slate-800">{b.kind === "SOURCE" ? t("sourceNote") : b.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </DetailSection>
  );
}
