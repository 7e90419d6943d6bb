import { dashboardMetadata, renderDashboard, type SearchParams } from "./dashboard/render-dashboard";

// The home page is the dashboard (also at /dashboard).
export const generateMetadata = dashboardMetadata;

export default function HomePage({ searchParams }: { searchParams: SearchParams }) {
  return renderDashboard("/", searchParams);
}
