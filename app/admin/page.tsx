import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/org/admin-nav";
import { SignInUnlock } from "@/components/admin/sign-in-unlock";
import { UsersAdmin } from "@/components/admin/users-admin";
import { listUsers } from "@/lib/auth/admin-users";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listProjectNames } from "@/lib/projects/list-project-names";
import { unitsInScope } from "@/lib/org/org-units";
import { unitChoices } from "@/lib/org/unit-options";
import { readScopeOf } from "@/lib/projects/project-scope";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

/** Users and roles. The protected-page rule (lib/auth/page-guard.ts): anonymous to sign-in, non-admins 403. */
export default async function AdminPage() {
  await connection();
  const viewer = await requirePagePermission("user:manage", "/admin");
  const locale = await getLocale();
  const [users, projects, units] = await Promise.all([listUsers(), listProjectNames({ locale, viewer }), unitsInScope(readScopeOf(viewer))]);
  return (
    <ClientMessages route="admin">
      <>
        <AdminNav current="users" />
        <UsersAdmin users={users} projects={projects} viewerId={viewer.id} units={unitChoices(units, locale)} />
        <SignInUnlock />
      </>
    </ClientMessages>
  );
}
