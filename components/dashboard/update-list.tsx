import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LocalizedText } from "@/components/ui/localized-text";
import { localizedString } from "@/lib/i18n/bilingual";
import { ChangeList } from "@/components/projects/detail/change-list";
import { EntryAuthor, EntryComment } from "@/components/projects/detail/entry-text";
import type { RecentUpdate } from "@/lib/dashboard/types";
import { HealthShape } from "./health-shape";

const CHANGES_SHOWN = 3;

/**
 * History entries as the dashboard lists them: which project (a link), who,
 * when, what changed. "What changed" and "Since your last visit" both use it.
 */
export async function UpdateList({ updates, label }: { updates: RecentUpdate[]; label: string }) {
  const [t, tHealth, tEnum, format, locale] = await Promise.all([
    getTranslations("dashboard.activity"),
    getTranslations("enums.health"),
    getTranslations("enums.origin"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <ol aria-label={label} className="divide-y divide-slate-200 text-sm">
      {updates.map((u) => (
        <li key={u.id} className="py-2.5">
          <p className="flex items-center gap-1.5">
            <HealthShape health={u.project.health} className="shrink-0" />
            <Link
              href={`/projects/${encodeURIComponent(u.project.slug)}`}
              className="link truncate"
              aria-label={t("projectLabel", {
                project: localizedString({ en: u.project.name, zh: u.project.nameZh }, locale),
                health: tHealth(u.project.health),
              })}
            >
              <LocalizedText value={{ en: u.project.name, zh: u.project.nameZh }} />
            </Link>
          </p>
          <p className="text-slate-700">
            <span className="font-medium text-slate-900">
              <EntryAuthor name={u.authorName} />
            </span>
            {" · "}
            <time dateTime={u.occurredAt}>{format.dateTime(new Date(u.occurredAt), { dateStyle: "medium" })}</time>
            {" · "}
            {tEnum(u.origin)}
            {u.milestoneTitle && (
              <span className="block text-slate-600">
                {t.rich("milestone", { m: () => <LocalizedText value={{ en: u.milestoneTitle ?? "", zh: u.milestoneTitleZh }} /> })}
              </span>
            )}
          </p>
          {u.changes.length > 0 && (
            <ChangeList
              changes={u.changes}
              milestone={{ en: u.milestoneTitle, zh: u.milestoneTitleZh }}
              className="mt-1 space-y-0.5 text-slate-800"
              limit={CHANGES_SHOWN}
              more={(count) => t("moreChanges", { count })}
            />
          )}
          {u.comment && <EntryComment comment={u.comment} origin={u.origin} className="mt-1 line-clamp-1 text-slate-600" />}
        </li>
      ))}
    </ol>
  );
}
