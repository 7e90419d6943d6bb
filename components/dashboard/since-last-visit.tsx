import { getFormatter, getTranslations } from "next-intl/server";
import { SINCE_COUNT_CAP, summarizeChangesSince } from "@/lib/dashboard/activity";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { DismissVisit } from "./dismiss-visit";
import { UpdateList } from "./update-list";

/** For a signed-in viewer: what was recorded since their last visit, each entry with its project. */
export async function SinceLastVisit({ filters, since }: { filters: DashboardFilters; since: Date }) {
  const [t, format] = await Promise.all([getTranslations("dashboard.since"), getFormatter()]);
  const s = await summarizeChangesSince({ filters, since });
  const capped = (n: number) => (n > SINCE_COUNT_CAP ? t("atLeast", { count: format.number(SINCE_COUNT_CAP) }) : format.number(n));
  if (s.updates === 0) return <p className="text-sm text-slate-700">{t("nothing")}</p>;
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-slate-800">
          {t("summary", { updates: s.updates, projects: s.projects, updatesText: capped(s.updates), projectsText: capped(s.projects) })}
        </p>
        <DismissVisit />
      </div>
      <UpdateList updates={s.entries} label={t("listLabel")} />
      {s.updates > s.entries.length && <p className="text-xs text-slate-600">{t("moreEntries", { count: s.updates - s.entries.length })}</p>}
    </div>
  );
}
