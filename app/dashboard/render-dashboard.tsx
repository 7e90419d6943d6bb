import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { parseDashboardParams } from "@/lib/dashboard/filters";
import { portfolioToday } from "@/lib/dates/portfolio-day";
import { getDashboardViewer } from "@/lib/dashboard/viewer";
import { describeReadScope, unitsInScope } from "@/lib/org/org-units";
import { readScopeOf } from "@/lib/projects/project-scope";

/** The dashboard is served at "/" and "/dashboard"; both pages are this. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function dashboardMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export async function renderDashboard(basePath: string, searchParams: SearchParams) {
  await connection();
  const viewer = await getDashboardViewer(basePath);
  const scope = readScopeOf(viewer);
  const { filters, ignored } = parseDashboardParams(await searchParams, scope);
  const [readerScope, units] = await Promise.all([describeReadScope(scope), unitsInScope(scope)]);
  return (
    <DashboardView
      basePath={basePath}
      filters={filters}
      ignored={ignored}
      today={portfolioToday()}
      since={viewer?.since ?? null}
      signedIn={viewer !== null}
      readerScope={readerScope}
      units={units}
    />
  );
}
