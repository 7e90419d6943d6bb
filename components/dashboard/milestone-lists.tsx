import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { atDataVersion } from "@/lib/dashboard/data-version";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { listLargestSlips, listOverdueMilestones, listUpcomingMilestones, UPCOMING_DAYS } from "@/lib/dashboard/milestones";
import type { DashboardMilestone, MilestoneList } from "@/lib/dashboard/types";
import { formatFuzzyDate, htmlDateTime } from "@/lib/dates/fuzzy-date";
import type { Health } from "@/lib/projects/enums";
import type { FuzzyDate } from "@/lib/projects/types";
import { LocalizedText } from "@/components/ui/localized-text";
import { localizedString, type BilingualText } from "@/lib/i18n/bilingual";
import { HealthShape } from "./health-shape";

/** Open milestones past their due period, longest overdue first. */
export async function OverdueMilestones({ filters, today }: { filters: DashboardFilters; today: string }) {
  const [list, texts] = await Promise.all([atDataVersion("overdue", { filters, today }, () => listOverdueMilestones({ filters, today })), listTexts()]);
  return (
    <MilestoneListView
      {...texts.view(list, (m) => texts.t("overdueDays", { days: m.overdueDays ?? 0 }), false)}
      empty={texts.t("overdueEmpty")}
      listLabel={texts.t("overdueTitle")}
      tone="bad"
    />
  );
}

/** Open milestones due in the next 90 days, soonest deadline first. */
export async function UpcomingMilestones({ filters, today }: { filters: DashboardFilters; today: string }) {
  const [list, texts] = await Promise.all([atDataVersion("upcoming", { filters, today }, () => listUpcomingMilestones({ filters, today })), listTexts()]);
  return (
    <MilestoneListView
      {...texts.view(list, () => null, false)}
      empty={texts.t("upcomingEmpty", { days: UPCOMING_DAYS })}
      listLabel={texts.t("upcomingTitle", { days: UPCOMING_DAYS })}
      tone="neutral"
    />
  );
}

/** Open milestones furthest behind their baseline. */
export async function LargestSlips({ filters }: { filters: DashboardFilters }) {
  const [list, texts] = await Promise.all([atDataVersion("slips", filters, () => listLargestSlips({ filters })), listTexts()]);
  return (
    <MilestoneListView
      {...texts.view(list, (m) => texts.t("slipDays", { days: m.slipDays ?? 0 }), true)}
      empty={texts.t("slipsEmpty")}
      listLabel={texts.t("slipsTitle")}
      tone="bad"
    />
  );
}

interface Row {
  id: string;
  title: BilingualText;
  slug: string;
  project: BilingualText;
  projectLabel: string;
  health: Health;
  /** "Due Q3 2026", or "Baseline Mar 2026 → forecast 15 Sep 2026". */
  dates: { label: string; date: DateText }[];
  detail: string | null;
}

interface DateText {
  text: string;
  /** For <time datetime>; null for a quarter, which HTML has no format for. */
  machine: string | null;
}

/** The translations and formats the lists share, looked up once per list rather than once per row. */
async function listTexts() {
  const [t, tHealth, format, locale] = await Promise.all([
    getTranslations("dashboard.milestones"),
    getTranslations("enums.health"),
    getFormatter(),
    getLocale(),
  ]);
  const date = (f: FuzzyDate): DateText => ({ text: formatFuzzyDate(f, locale), machine: htmlDateTime(f) });
  return {
    t,
    view(list: MilestoneList, detail: (m: DashboardMilestone) => string | null, withBaseline: boolean) {
      const rows: Row[] = list.rows.map((m) => ({
        id: m.id,
        title: { en: m.title, zh: m.titleZh },
        slug: m.project.slug,
        project: { en: m.project.name, zh: m.project.nameZh },
        projectLabel: t("projectLabel", { project: localizedString({ en: m.project.name, zh: m.project.nameZh }, locale), health: tHealth(m.project.health) }),
        health: m.project.health,
        dates:
          withBaseline && m.baseline
            ? [
                { label: t("baseline"), date: date(m.baseline) },
                { label: t("forecast"), date: date(m.due) },
              ]
            : [{ label: t("due"), date: date(m.due) }],
        detail: detail(m),
      }));
      const total = list.total;
      return {
        rows,
        count: total === null ? null : { text: format.number(total), label: t("milestoneCount", { count: total }) },
        more: total !== null && total > list.rows.length ? t("showingFirst", { shown: list.rows.length, total }) : null,
      };
    },
  };
}

interface MilestoneListViewProps {
  rows: Row[];
  /** How many there are in all (the rows are the first); null for a list that is not counted. */
  count: { text: string; label: string } | null;
  more: string | null;
  empty: string;
  listLabel: string;
  tone: "bad" | "neutral";
}

function MilestoneListView({ rows, count, more, empty, listLabel, tone }: MilestoneListViewProps) {
  if (rows.length === 0) return <p className="rounded-md bg-slate-50 px-3 py-4 text-center text-sm text-slate-700">{empty}</p>;
  return (
    <div className="space-y-2">
      {count && (
        <p className="text-sm text-slate-700">
          <span className={`text-2xl font-semibold tabular-nums ${tone === "bad" ? "text-red-800" : "text-slate-900"}`}>{count.text}</span> {count.label}
        </p>
      )}
      <ol aria-label={listLabel} className="divide-y divide-slate-200 text-sm">
        {rows.map((m) => (
          <li key={m.id} className="py-2">
            <p className="font-medium text-slate-900">
              <LocalizedText value={m.title} />
            </p>
            <p className="flex items-center gap-1.5">
              <HealthShape health={m.health} className="shrink-0" />
              <Link href={`/projects/${encodeURIComponent(m.slug)}`} className="link truncate" aria-label={m.projectLabel}>
                <LocalizedText value={m.project} />
              </Link>
            </p>
            <p className="text-slate-700">
              {m.dates.map((d, i) => (
                <span key={d.label}>
                  {i > 0 && " → "}
                  {d.label} {d.date.machine ? <time dateTime={d.date.machine}>{d.date.text}</time> : d.date.text}
                </span>
              ))}
              {m.detail && <span className={`ml-2 font-medium ${tone === "bad" ? "text-red-800" : ""}`}>{m.detail}</span>}
            </p>
          </li>
        ))}
      </ol>
      {more && <p className="text-xs text-slate-600">{more}</p>}
    </div>
  );
}
