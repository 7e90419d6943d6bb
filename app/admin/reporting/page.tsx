import { connection } from "next/server";
import { decodeMessages } from "@/lib/i18n/format-message";
import { ReportingRulesAdmin } from "@/components/reports/reporting-rules-admin";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { listOrgUnits } from "@/lib/org/org-units";
import { listReportingRules } from "@/lib/reports/reporting-rules";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reporting due dates and escalation, for the group and per unit. Non-admins get a 404 (the page fails closed). */
export default async function ReportingRulesPage({ searchParams }: Props) {
  await connection();
  await requirePagePermission("report:configure", "/admin/reporting");
  const sp = await searchParams;
  const [rules, units] = await Promise.all([db().then((prisma) => listReportingRules(prisma)), listOrgUnits()]);
  const error = decodeMessages(sp.error);
  return <ReportingRulesAdmin rules={rules} units={units} done={sp.done === "1"} error={error} />;
}
