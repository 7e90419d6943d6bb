import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/import/import-panel";
import { AdminHeader } from "@/components/org/admin-nav";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("title") };
}

/** Import from Excel: admins (and PMOs, for their units' projects). Anyone else gets a 404: the page fails closed. */
export default async function ImportPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=%2Fadmin%2Fimport");
  if (!can(viewer, "portfolio:import")) notFound();
  const t = await getTranslations("import");
  return (
    <>
      <AdminHeader current="import" title={t("title")} intro={t("intro")} />
      <p className="text-sm text-slate-600">{t("limits")}</p>
      <ImportPanel kind="portfolio" />
      {can(viewer, "user:manage") && <ImportPanel kind="users" />}
    </>
  );
}
