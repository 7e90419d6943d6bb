import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { localizedString } from "@/lib/i18n/bilingual";
import { ChangeLine } from "@/components/projects/detail/change-line";
import { SINCE_COUNT_CAP, summarizeChangesSince } from "@/lib/dashboard/activity";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { HealthShape } from "./health-shape";

/** For a signed-in viewer: what was recorded since they last opened the dashboard. */
export async function SinceLastVisit({ filters, since }: { filters: DashboardFilters; since: Date }) {
  const [t, tHealth, format, locale] = await Promise.all([getTranslations("dashboard.since"), getTranslations("enums.health"), getFormatter(), getLocale()]);
  const s = await summarizeChangesSince({ filters, since });
  const capped = (n: number) => (n > SINCE_COUNT_CAP ? t("atLeast", { count: format.number(SINCE_COUNT_CAP) }) : format.number(n));
  if (s.updates === 0) return <p className="text-sm text-slate-700">{t("nothing")}</p>;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-800">
        {t("summary", { updates: s.updates, projects: s.projects, updatesText: capped(s.updates), projectsText: capped(s.projects) })}
      </p>
      {s.healthChanges.length > 0 && (
        <ol aria-label={t("healthChanges")} className="divide-y divide-slate-200">
          {s.healthChanges.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-x-2 py-1.5">
              <HealthShape health={c.project.health} className="shrink-0" />
              <Link
                href={`/projects/${encodeURIComponent(c.project.slug)}`}
                className="link"
                aria-label={t("projectLabel", { project: localizedString({ en: c.project.name, zh: c.project.nameZh }, locale), health: tHealth(c.project.health) })}
              >
                <LocalizedText value={{ en: c.project.name, zh: c.project.nameZh }} />
              </Link>
              <ul className="inline-block">
                <ChangeLine change={{ field: "health", before: c.before, after: c.after }} />
              </ul>
              <span className="text-slate-600">
                {c.authorName} · <time dateTime={c.occurredAt}>{format.dateTime(new Date(c.occurredAt), { dateStyle: "medium" })}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
      {s.healthChangesTotal > s.healthChanges.length && (
        <p className="text-xs text-slate-600">{t("moreHealthChanges", { count: s.healthChangesTotal - s.healthChanges.length })}</p>
      )}
    </div>
  );
}
