import { useFormatter, useTranslations } from "next-intl";

/** URL parameters with a name in the reader's language ("stage" → Stage / 阶段). */
const NAMED = [
  "q",
  "region",
  "country",
  "line",
  "stage",
  "health",
  "commodity",
  "company",
  "finishAfter",
  "finishBefore",
  "due",
  "stale",
  "slipping",
  "sort",
  "dir",
  "page",
  "pageSize",
  "group",
  "view",
  "zoom",
  "columns",
  "format",
  "org",
  "programme",
  "mine",
] as const;

const isNamed = (p: string): p is (typeof NAMED)[number] => (NAMED as readonly string[]).includes(p);

/**
 * "Ignored invalid parameters: Stage, Page and “foo”": the parameters a page
 * dropped, by the name the reader knows them by, joined as their language
 * joins a list (、 in Chinese). One notice for the table, the timeline and the dashboard.
 */
export function IgnoredParams({ ignored, message }: { ignored: string[]; message: (params: string) => string }) {
  const t = useTranslations("urlParams");
  const format = useFormatter();
  if (ignored.length === 0) return null;
  const names = ignored.map((p) => (isNamed(p) ? t(p) : t("unknown", { name: p })));
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 print:hidden">
      {message(format.list(names, { type: "conjunction" }))}
    </p>
  );
}
