import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { parseDashboardParams } from "@/lib/dashboard/filters";
import { dashboardToday } from "@/lib/dashboard/today";
import { getDashboardViewer } from "@/lib/dashboard/viewer";

/** The dashboard is served at "/" and "/dashboard"; both pages are this. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function dashboardMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export async function renderDashboard(basePath: string, searchParams: SearchParams) {
  await connection();
  const viewer = await getDashboardViewer(basePath);
  const { filters, ignored } = parseDashboardParams(await searchParams);
  return (
    <DashboardView
      basePath={basePath}
      filters={filters}
      ignored={ignored}
      today={dashboardToday()}
      since={viewer?.since ?? null}
      signedIn={viewer !== null}
    />
  );
}
