import { dashboardMetadata, renderDashboard, type SearchParams } from "./render-dashboard";
import { ClientMessages } from "@/components/i18n/client-messages";

export const generateMetadata = dashboardMetadata;

export default function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  return <ClientMessages route="dashboard">{renderDashboard("/dashboard", searchParams)}</ClientMessages>;
}
