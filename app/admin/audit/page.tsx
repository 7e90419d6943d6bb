import { connection } from "next/server";
import { AuditTrail } from "@/components/org/audit-trail";
import { parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { requirePagePermission } from "@/lib/auth/page-guard";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The audit trail of admin changes. The protected-page rule (lib/auth/page-guard.ts): anonymous to sign-in, others without audit:read 403. */
export default async function AuditPage({ searchParams }: Props) {
  await connection();
  await requirePagePermission("audit:read", "/admin/audit");
  const filters = parseAuditFilters(await searchParams);
  const { rows, total } = await listAuditEntries(filters);
  const query = new URLSearchParams(Object.entries({ ...filters, page: undefined }).filter((e): e is [string, string] => typeof e[1] === "string"));
  return <AuditTrail filters={filters} rows={rows} total={total} exportHref={`/admin/audit/export?${query.toString()}`} />;
}
