import { dashboardMetadata, renderDashboard, type SearchParams } from "./dashboard/render-dashboard";
import { ClientMessages } from "@/components/i18n/client-messages";

// The home page is the dashboard (also at /dashboard).
export const generateMetadata = dashboardMetadata;

export default function HomePage({ searchParams }: { searchParams: SearchParams }) {
  return <ClientMessages route="">{renderDashboard("/", searchParams)}</ClientMessages>;
}
