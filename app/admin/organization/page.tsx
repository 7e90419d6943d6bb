import { connection } from "next/server";
import { decodeMessages } from "@/lib/i18n/format-message";
import { getLocale } from "next-intl/server";
import { OrgAdmin } from "@/components/org/org-admin";
import { listUsers } from "@/lib/auth/admin-users";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listOrgUnits } from "@/lib/org/org-units";
import { listProjectNames } from "@/lib/projects/list-project-names";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organization tree and role assignments. The protected-page rule (lib/auth/page-guard.ts): anonymous to sign-in, non-admins 403. */
export default async function OrganizationPage({ searchParams }: Props) {
  await connection();
  const viewer = await requirePagePermission("org:manage", "/admin/organization");
  const sp = await searchParams;
  const [units, users, projects] = await Promise.all([listOrgUnits(), listUsers(), getLocale().then((locale) => listProjectNames({ locale, viewer }))]);
  const error = decodeMessages(sp.error);
  return <OrgAdmin units={units} users={users} projects={projects} done={sp.done === "1"} error={error} />;
}
