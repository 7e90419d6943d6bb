import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/org/admin-nav";
import { SignInUnlock } from "@/components/admin/sign-in-unlock";
import { UsersAdmin } from "@/components/admin/users-admin";
import { listUsers } from "@/lib/auth/admin-users";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { listProjectNames } from "@/lib/projects/list-project-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

/**
 * Users and roles. Anonymous visitors are sent to sign in; signed-in users who
 * are not admins get a 404, so the page fails closed and reveals nothing.
 */
export default async function AdminPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=%2Fadmin");
  if (!can(viewer, "user:manage")) notFound();
  const [users, projects] = await Promise.all([listUsers(), getLocale().then((locale) => listProjectNames({ locale, viewer }))]);
  return (
    <>
      <AdminNav current="users" />
      <UsersAdmin users={users} projects={projects} viewerId={viewer.id} />
      <SignInUnlock />
    </>
  );
}
