import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentReportingPeriod, isPackPeriod } from "@/lib/reports/periods";

/** /reports opens the pack of the chosen period, else the one being reported now (last month); "live" goes back to the dashboard. */
export default async function ReportsIndex({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  await connection();
  const { period } = await searchParams;
  if (period === "") redirect("/dashboard");
  redirect(`/reports/${period && isPackPeriod(period) ? period : currentReportingPeriod(new Date())}`);
}
