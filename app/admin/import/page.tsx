import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/import/import-panel";
import { AdminHeader } from "@/components/org/admin-nav";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

/** Import from Excel: admins (and PMOs, for their units' projects). Anyone else gets a 404: the page fails closed. */
export default async function ImportPage() {
  await connection();
  const viewer = await requirePagePermission("portfolio:import", "/admin/import");
  const t = await getTranslations("import");
  return (
    <ClientMessages route="admin/import">
      <>
        <AdminHeader current="import" title={t("title")} intro={t("intro")} />
        <p className="text-sm text-slate-600">{t("limits")}</p>
        <ImportPanel kind="portfolio" />
        {can(viewer, "user:manage") && <ImportPanel kind="users" />}
      </>
    </ClientMessages>
  );
}
