import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import { OrgAdmin } from "@/components/org/org-admin";
import { listUsers } from "@/lib/auth/admin-users";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { listOrgUnits } from "@/lib/org/org-units";
import { listProjectNames } from "@/lib/projects/list-project-names";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organization tree and role assignments. Non-admins get a 404 (the page fails closed). */
export default async function OrganizationPage({ searchParams }: Props) {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=%2Fadmin%2Forganization");
  if (!can(viewer, "org:manage")) notFound();
  const sp = await searchParams;
  const [units, users, projects] = await Promise.all([listOrgUnits(), listUsers(), getLocale().then((locale) => listProjectNames({ locale, viewer }))]);
  const error = typeof sp.error === "string" ? sp.error.slice(0, 500) : null;
  return <OrgAdmin units={units} users={users} projects={projects} done={sp.done === "1"} error={error} />;
}
