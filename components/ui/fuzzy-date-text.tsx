import { useLocale, useTranslations } from "next-intl";
import { formatFuzzyDate, htmlDateTime } from "@/lib/dates/fuzzy-date";
import type { FuzzyDate } from "@/lib/projects/types";

/** A date known to a day, month, quarter or year, shown at that precision ("Q3 2024"); "—" when unknown. */
export function FuzzyDateText({ value }: { value: FuzzyDate | null }) {
  const locale = useLocale();
  const t = useTranslations("common");
  if (!value) return <span>{t("empty")}</span>;
  const text = formatFuzzyDate(value, locale);
  const machine = htmlDateTime(value);
  return machine ? <time dateTime={machine}>{text}</time> : <span>{text}</span>;
}
