import { getTranslations } from "next-intl/server";
import { listRecentUpdates } from "@/lib/dashboard/activity";
import { atDataVersion } from "@/lib/dashboard/data-version";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { UpdateList } from "./update-list";

/** The latest history entries across the portfolio: which project, who, when, what changed. */
export async function RecentUpdates({ filters }: { filters: DashboardFilters }) {
  const t = await getTranslations("dashboard.activity");
  const updates = await atDataVersion("recent", filters, () => listRecentUpdates({ filters }));
  if (updates.length === 0) return <p className="rounded-md bg-slate-50 px-3 py-4 text-center text-sm text-slate-700">{t("none")}</p>;
  return <UpdateList updates={updates} label={t("listLabel")} />;
}
