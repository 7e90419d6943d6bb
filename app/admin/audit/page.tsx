import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { AuditTrail } from "@/components/org/audit-trail";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail of admin changes. Non-admins get a 404. */
export default async function AuditPage({ searchParams }: Props) {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=%2Fadmin%2Faudit");
  if (!can(viewer, "audit:read")) notFound();
  const filters = parseAuditFilters(await searchParams);
  const { rows, total } = await listAuditEntries(filters);
  const query = new URLSearchParams(Object.entries({ ...filters, page: undefined }).filter((e): e is [string, string] => typeof e[1] === "string"));
  return <AuditTrail filters={filters} rows={rows} total={total} exportHref={`/admin/audit/export?${query.toString()}`} />;
}
