import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { AdminHeader } from "@/components/org/admin-nav";
import { CapexReferenceAdmin } from "@/components/capex/admin/capex-reference-admin";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getCapexReference, listRateSets } from "@/lib/capex/reference-data";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("capexAdmin");
  return { title: t("title") };
}

/** Capex reference data: cost categories, KPI definitions, exchange-rate sets. Admins only; others get a 404. */
export default async function CapexReferencePage() {
  await connection();
  await requirePagePermission(["capex:reference", "kpi:reference"], "/admin/capex");
  const t = await getTranslations("capexAdmin");
  const [reference, rateSets] = await Promise.all([getCapexReference(), listRateSets()]);
  return (
    <ClientMessages route="admin/capex">
      <div className="space-y-8">
        <AdminHeader current="capex" title={t("title")} intro={t("intro")} />
        <CapexReferenceAdmin categories={reference.categories} kpis={reference.kpis} rateSets={rateSets} />
      </div>
    </ClientMessages>
  );
}
