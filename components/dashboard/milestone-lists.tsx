import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FuzzyDateText } from "@/components/ui/fuzzy-date-text";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { listLargestSlips, listOverdueMilestones, listUpcomingMilestones, UPCOMING_DAYS } from "@/lib/dashboard/milestones";
import type { DashboardMilestone, MilestoneList } from "@/lib/dashboard/types";
import { HealthShape } from "./health-shape";

/** Open milestones past their due period, longest overdue first. */
export async function OverdueMilestones({ filters, today }: { filters: DashboardFilters; today: string }) {
  const t = await getTranslations("dashboard.milestones");
  const list = await listOverdueMilestones({ filters, today });
  return (
    <MilestoneListView
      list={list}
      empty={t("overdueEmpty")}
      listLabel={t("overdueTitle")}
      detail={(m) => t("overdueDays", { days: m.overdueDays ?? 0 })}
      tone="bad"
    />
  );
}

/** Open milestones due in the next 90 days, soonest deadline first. */
export async function UpcomingMilestones({ filters, today }: { filters: DashboardFilters; today: string }) {
  const t = await getTranslations("dashboard.milestones");
  const list = await listUpcomingMilestones({ filters, today });
  return (
    <MilestoneListView list={list} empty={t("upcomingEmpty", { days: UPCOMING_DAYS })} listLabel={t("upcomingTitle", { days: UPCOMING_DAYS })} tone="neutral" />
  );
}

/** Open milestones furthest behind their baseline. */
export async function LargestSlips({ filters }: { filters: DashboardFilters }) {
  const t = await getTranslations("dashboard.milestones");
  const list = await listLargestSlips({ filters });
  return (
    <MilestoneListView
      list={list}
      empty={t("slipsEmpty")}
      listLabel={t("slipsTitle")}
      detail={(m) => t("slipDays", { days: m.slipDays ?? 0 })}
      baseline
      tone="bad"
    />
  );
}

interface MilestoneListViewProps {
  list: MilestoneList;
  empty: string;
  listLabel: string;
  detail?: (m: DashboardMilestone) => string;
  /** Show the baseline beside the due date (the slips list). */
  baseline?: boolean;
  tone: "bad" | "neutral";
}

async function MilestoneListView({ list, empty, listLabel, detail, baseline = false, tone }: MilestoneListViewProps) {
  const [t, tHealth, format] = await Promise.all([getTranslations("dashboard.milestones"), getTranslations("enums.health"), getFormatter()]);
  if (list.total === 0) return <p className="rounded-md bg-slate-50 px-3 py-4 text-center text-sm text-slate-700">{empty}</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        <span className={`text-2xl font-semibold tabular-nums ${tone === "bad" ? "text-red-800" : "text-slate-900"}`}>{format.number(list.total)}</span>{" "}
        {t("milestoneCount", { count: list.total })}
      </p>
      <ol aria-label={listLabel} className="divide-y divide-slate-200 text-sm">
        {list.rows.map((m) => (
          <li key={m.id} className="py-2">
            <p className="font-medium text-slate-900">{m.title}</p>
            <p className="flex items-center gap-1.5">
              <HealthShape health={m.project.health} className="shrink-0" />
              <Link
                href={`/projects/${encodeURIComponent(m.project.slug)}`}
                className="link truncate"
                aria-label={t("projectLabel", { project: m.project.name, health: tHealth(m.project.health) })}
              >
                {m.project.name}
              </Link>
            </p>
            <p className="text-slate-700">
              {baseline && m.baseline ? (
                <>
                  {t("baseline")} <FuzzyDateText value={m.baseline} /> → {t("forecast")} <FuzzyDateText value={m.due} />
                </>
              ) : (
                <>
                  {t("due")} <FuzzyDateText value={m.due} />
                </>
              )}
              {detail && <span className={`ml-2 font-medium ${tone === "bad" ? "text-red-800" : ""}`}>{detail(m)}</span>}
            </p>
          </li>
        ))}
      </ol>
      {list.total > list.rows.length && <p className="text-xs text-slate-600">{t("showingFirst", { shown: list.rows.length, total: list.total })}</p>}
    </div>
  );
}
