import { useLocale, useTranslations } from "next-intl";
import { formatFuzzyDate } from "@/lib/dates/fuzzy-date";
import { DATE_FIELDS, decodeFuzzy } from "@/lib/history/change-values";
import { countryNamer } from "@/lib/i18n/display-names";
import { BUSINESS_LINES, HEALTHS, MILESTONE_STATES, PROJECT_KINDS, REGIONS, STAGES } from "@/lib/projects/enums";
import type { FieldChangeView } from "@/lib/projects/types";

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
  nameEn: "fields.nameEn",
  nameZh: "fields.nameZh",
  summary: "fields.summary",
  summaryZh: "fields.summaryZh",
  "milestone.title": "fields.milestone.title",
  "milestone.titleZh": "fields.milestone.titleZh",
  "milestone.state": "fields.milestone.state",
  "milestone.baseline": "fields.milestone.baseline",
  "milestone.forecast": "fields.milestone.forecast",
  "milestone.actual": "fields.milestone.actual",
} as const;

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

/**
 * One field's change as "Health: On track → At risk". Values are rendered as
 * React text, so whatever a user typed stays inert. Used by the history
 * timeline (server) and the conflict panel (client).
 */
export function ChangeLine({ change, valueOnly = false }: { change: FieldChangeView; valueOnly?: boolean }) {
  const t = useTranslations("projectDetail.history");
  const tEnum = useTranslations("enums");
  const tCommon = useTranslations("common");
  const tHistory = useTranslations("uxReview.history");
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

  // valueOnly: a field of something just added, where "not set →" says nothing.
  if (valueOnly) return <li className="text-slate-800">{tHistory("fieldValue", { field, value: value(change.after) })}</li>;
  return <li className="text-slate-800">{t("change", { field, before: value(change.before), after: value(change.after) })}</li>;
}
