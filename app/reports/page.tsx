import { redirect } from "next/navigation";
import { connection } from "next/server";
import { currentReportingPeriod } from "@/lib/reports/periods";

/** /reports opens the pack of the period being reported now (last month). */
export default async function ReportsIndex() {
  await connection();
  redirect(`/reports/${currentReportingPeriod(new Date())}`);
}
