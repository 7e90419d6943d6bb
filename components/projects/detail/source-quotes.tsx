import { useTranslations } from "next-intl";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import { FACT_BASIS_ORDER, type SourceQuoteView } from "@/lib/projects/types";
import { DetailSection } from "./section";

// The labels are factBasis.facts: every fact a basis is recorded for, plus what backs the summary.
const FACT_LABELS = [...FACT_BASIS_ORDER, "progress", "recognition", "summary"] as const;
type KnownFact = (typeof FACT_LABELS)[number];
const isKnownFact = (v: string): v is KnownFact => (FACT_LABELS as readonly string[]).includes(v);

/** The verbatim passages the project's facts rest on, each with its citation. */
export function SourceQuotes({ quotes }: { quotes: SourceQuoteView[] }) {
  const t = useTranslations("projectDetail.sources");
  const tCommon = useTranslations("common");
  const tFact = useTranslations("factBasis.facts");
  return (
    <DetailSection id="sources-heading" title={t("title")}>
      {quotes.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="space-y-4">
          {quotes.map((quote) => (
            <li key={quote.id}>
              <figure className="rounded-lg border border-slate-300 bg-white p-4 shadow-xs">
                <blockquote cite={quote.source.url ?? undefined} className="border-l-4 border-amber-400 pl-4 text-slate-900 italic">
                  <p>{t("quote", { text: quote.text })}</p>
                </blockquote>
                <figcaption className="mt-3 text-sm text-slate-700">
                  <cite className="not-italic">
                    {quote.source.url ? (
                      <a href={quote.source.url} className="link" rel="noopener noreferrer">
                        {quote.source.title}
                      </a>
                    ) : (
                      <span className="font-medium text-slate-900">{quote.source.title}</span>
                    )}
                  </cite>
                  {tCommon("listSeparator")}
                  {quote.source.publisher}
                  {tCommon("listSeparator")}
                  <FuzzyDateText value={{ date: quote.source.publishedOn, precision: "DAY" }} />
                </figcaption>
                {quote.supports.length > 0 && (
                  <p className="mt-2 text-xs text-slate-600">
                    {t("supports", {
                      facts: quote.supports.map((fact) => (isKnownFact(fact) ? tFact(fact) : fact)).join(tCommon("listSeparator")),
                    })}
                  </p>
                )}
              </figure>
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}
