import { dashboardMetadata, renderDashboard, type SearchParams } from "./render-dashboard";

export const generateMetadata = dashboardMetadata;

export default function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  return renderDashboard("/dashboard", searchParams);
}
