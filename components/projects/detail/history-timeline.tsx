import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatFuzzyDate } from "@/lib/dates/fuzzy-date";
import { DATE_FIELDS, decodeFuzzy } from "@/lib/history/change-values";
import { countryNamer } from "@/lib/i18n/display-names";
import { BUSINESS_LINES, HEALTHS, MILESTONE_STATES, PROJECT_KINDS, REGIONS, STAGES } from "@/lib/projects/enums";
import type { FieldChangeView, HistoryEntry } from "@/lib/projects/types";
import { DetailSection } from "./section";

/** History field names (FieldChange.field) → their label's message key. */
const FIELD_LABELS = {
  stage: "fields.stage",
  health: "fields.health",
  progressPercent: "fields.progressPercent",
  plannedStart: "fields.plannedStart",
  plannedFinish: "fields.plannedFinish",
  forecastFinish: "fields.forecastFinish",
  actualFinish: "fields.actualFinish",
  operatingCompany: "fields.operatingCompany",
  countryCode: "fields.countryCode",
  subdivision: "fields.subdivision",
  region: "fields.region",
  kind: "fields.kind",
  businessLine: "fields.businessLine",
  "milestone.state": "fields.milestone.state",
  "milestone.baseline": "fields.milestone.baseline",
  "milestone.forecast": "fields.milestone.forecast",
  "milestone.actual": "fields.milestone.actual",
} as const;

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

/** Every change to the project, newest first, with who made it and where it came from. */
export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const t = useTranslations("projectDetail.history");
  const tEnum = useTranslations("enums");
  const tCommon = useTranslations("common");
  const format = useFormatter();

  return (
    <DetailSection id="history-heading" title={t("title")}>
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ol className="space-y-0 border-l-2 border-slate-300 pl-5">
          {history.map((entry) => (
            <li key={entry.id} className="relative pb-6 last:pb-0">
              <span aria-hidden="true" className="absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white bg-slate-500" />
              <p className="text-sm text-slate-700">
                <span className="font-medium text-slate-900">{t("entryBy", { author: entry.authorName })}</span>
                {tCommon("dotSeparator")}
                <time dateTime={entry.occurredAt}>{format.dateTime(new Date(entry.occurredAt), { dateStyle: "medium" })}</time>
                {tCommon("dotSeparator")}
                <span className="text-slate-600">{tEnum(`origin.${entry.origin}`)}</span>
              </p>
              {entry.comment && <p className="mt-1 text-sm text-slate-900">{entry.comment}</p>}
              {entry.milestoneTitle && <p className="mt-1 text-sm text-slate-700">{t("milestone", { title: entry.milestoneTitle })}</p>}
              {entry.changes.length > 0 && (
                <ul className="mt-2 space-y-1 rounded-md bg-white p-3 text-sm ring-1 ring-slate-200">
                  {entry.changes.map((change, i) => (
                    <ChangeLine key={`${change.field}-${i}`} change={change} />
                  ))}
                </ul>
              )}
              {entry.sourceTitle && (
                <p className="mt-2 text-xs text-slate-600">
                  {t("source", { title: entry.sourceTitle })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </DetailSection>
  );
}

function ChangeLine({ change }: { change: FieldChangeView }) {
  const t = useTranslations("projectDetail.history");
  const tEnum = useTranslations("enums");
  const tCommon = useTranslations("common");
  const locale = useLocale();

  const field = change.field in FIELD_LABELS ? t(FIELD_LABELS[change.field as keyof typeof FIELD_LABELS]) : change.field;

  function value(raw: string | null): string {
    if (raw === null || raw === "") return t("notSet");
    if (DATE_FIELDS.has(change.field)) {
      const date = decodeFuzzy(raw);
      return date ? formatFuzzyDate(date, locale) : raw;
    }
    if (change.field === "stage" && isOneOf(STAGES, raw)) return tEnum(`stage.${raw}`);
    if (change.field === "health" && isOneOf(HEALTHS, raw)) return tEnum(`health.${raw}`);
    if (change.field === "milestone.state" && isOneOf(MILESTONE_STATES, raw)) return tEnum(`milestoneState.${raw}`);
    if (change.field === "region" && isOneOf(REGIONS, raw)) return tEnum(`region.${raw}`);
    if (change.field === "kind" && isOneOf(PROJECT_KINDS, raw)) return tEnum(`kind.${raw}`);
    if (change.field === "businessLine" && isOneOf(BUSINESS_LINES, raw)) return tEnum(`businessLine.${raw}`);
    if (change.field === "countryCode") return countryNamer(locale)(raw) ?? raw;
    if (change.field === "progressPercent" && /^\d+$/.test(raw)) return tCommon("percent", { value: Number(raw) });
    return raw;
  }

  return (
    <li className="text-slate-800">
      {t("change", { field, before: value(change.before), after: value(change.after) })}
    </li>
  );
}
