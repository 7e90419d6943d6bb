import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { TokensManager } from "@/components/integrations/tokens-manager";
import { AdminNav } from "@/components/org/admin-nav";
import { grantPaths } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { localizedString } from "@/lib/i18n/bilingual";
import { listOrgUnits } from "@/lib/org/org-units";
import { listApiTokens } from "@/lib/tokens/list-tokens";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations.tokens");
  return { title: t("serviceTitle") };
}

/** Service API tokens (admins): each acts with one role on one organization unit. */
export default async function AdminTokensPage() {
  await connection();
  const viewer = await requirePagePermission("token:service", "/admin/tokens");
  const paths = grantPaths(viewer, "token:service").full;
  const [t, rows, units, locale] = await Promise.all([
    getTranslations("integrations.tokens"),
    listApiTokens({ viewer, kind: "service" }),
    listOrgUnits({ includeArchived: false }),
    getLocale(),
  ]);
  const choices = units
    .filter((u) => paths.some((p) => u.path.startsWith(p)))
    .map((u) => ({ code: u.code, label: `${"\u00a0\u00a0".repeat(u.depth)}${localizedString({ en: u.nameEn, zh: u.nameZh }, locale as "en")} (${u.code})` }));
  return (
    <ClientMessages route="admin/tokens">
      <div className="space-y-4">
        <AdminNav current="tokens" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("serviceTitle")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("serviceIntro")}</p>
        <TokensManager kind="service" rows={rows} units={choices} />
      </div>
    </ClientMessages>
  );
}
