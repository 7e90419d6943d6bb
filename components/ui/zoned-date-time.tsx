import { useFormatter, useTranslations } from "next-intl";

/**
 * A moment (date and time of day) as the reader sees it, with the zone it is
 * in: times are shown in the portfolio's time zone (lib/dates/portfolio-day.ts,
 * set for every formatter in lib/i18n/request.ts), and saying so keeps a
 * reader in another zone from misreading them (docs/decisions/0025-one-portfolio-day.md).
 */
export function ZonedDateTime({ iso }: { iso: string | Date }) {
  const format = useFormatter();
  const t = useTranslations("time");
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return <time dateTime={date.toISOString()}>{t("withZone", { time: format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) })}</time>;
}
