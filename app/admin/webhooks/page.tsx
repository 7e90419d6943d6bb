import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { WebhooksAdmin } from "@/components/integrations/webhooks-admin";
import { AdminNav } from "@/components/org/admin-nav";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listWebhookEndpoints } from "@/lib/webhooks/webhook-endpoints";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations.webhooks");
  return { title: t("title") };
}

/** Webhook subscriptions (admins): every audited change is an event, delivered signed and retried. */
export default async function AdminWebhooksPage() {
  await connection();
  const viewer = await requirePagePermission("webhook:manage", "/admin/webhooks");
  const [t, rows] = await Promise.all([getTranslations("integrations.webhooks"), listWebhookEndpoints({ viewer })]);
  return (
    <ClientMessages route="admin/webhooks">
      <div className="space-y-4">
        <AdminNav current="webhooks" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          {t("intro")}{" "}
          <Link href="/admin/deliveries" className="underline">
            {t("deliveriesLink")}
          </Link>
        </p>
        <WebhooksAdmin rows={rows} />
      </div>
    </ClientMessages>
  );
}
