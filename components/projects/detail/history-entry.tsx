import { useFormatter, useTranslations } from "next-intl";
import { LocalizedText } from "@/components/ui/localized-text";
import type { HistoryEntry } from "@/lib/projects/types";
import { ZonedDateTime } from "@/components/ui/zoned-date-time";
import { ChangeList } from "./change-list";
import { EntryAuthor, EntryComment } from "./entry-text";

/**
 * One history entry: who, when, where it came from, why (the comment) and
 * every field's before → after. All user text is rendered as React text.
 */
export function HistoryEntryView({ entry }: { entry: HistoryEntry }) {
  const t = useTranslations("projectDetail.history");
  const tHistory = useTranslations("uxReview.history");
  const tEnum = useTranslations("enums");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  return (
    <>
      <p className="text-sm text-slate-700">
        <span className="font-medium text-slate-900">
          <EntryAuthor name={entry.authorName} />
        </span>
        {tCommon("dotSeparator")}
        {entry.origin === "USER" ? (
          <ZonedDateTime iso={entry.occurredAt} />
        ) : (
          <time dateTime={entry.occurredAt}>{format.dateTime(new Date(entry.occurredAt), { dateStyle: "medium" })}</time>
        )}
        {tCommon("dotSeparator")}
        <span className="text-slate-600">{tEnum(`origin.${entry.origin}`)}</span>
      </p>
      {entry.comment && <EntryComment comment={entry.comment} origin={entry.origin} className="mt-1 text-sm whitespace-pre-line text-slate-900" />}
      {entry.milestoneTitle && (
        <p className="mt-1 text-sm text-slate-700">
          {tHistory.rich("milestone", { m: () => <LocalizedText value={{ en: entry.milestoneTitle, zh: entry.milestoneTitleZh }} /> })}
        </p>
      )}
      {entry.changes.length > 0 && (
        <ChangeList
          changes={entry.changes}
          milestone={{ en: entry.milestoneTitle, zh: entry.milestoneTitleZh }}
          className="mt-2 space-y-1 rounded-md bg-white p-3 text-sm ring-1 ring-slate-200"
        />
      )}
      {entry.sourceTitle && <p className="mt-2 text-xs text-slate-600">{t("source", { title: entry.sourceTitle })}</p>}
    </>
  );
}
