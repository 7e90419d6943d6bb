import { useLocale, useTranslations } from "next-intl";
import { formatFuzzyDate } from "@/lib/dates/fuzzy-date";
import type { FuzzyDate } from "@/lib/projects/types";

/** A date known to a day, month, quarter or year, shown at that precision ("Q3 2024"); "—" when unknown. */
export function FuzzyDateText({ value }: { value: FuzzyDate | null }) {
  const locale = useLocale();
  const t = useTranslations("common");
  if (!value) return <span>{t("empty")}</span>;
  const text = formatFuzzyDate(value, locale);
  const machine = machineReadable(value);
  return machine ? <time dateTime={machine}>{text}</time> : <span>{text}</span>;
}

// HTML has date strings for a year, a month and a day, but none for a quarter.
function machineReadable({ date, precision }: FuzzyDate): string | null {
  switch (precision) {
    case "DAY":
      return date;
    case "MONTH":
      return date.slice(0, 7);
    case "YEAR":
      return date.slice(0, 4);
    case "QUARTER":
      return null;
  }
}
