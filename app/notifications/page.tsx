import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { NotificationList } from "@/components/notifications/notification-list";
import { getViewer } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/read-notifications";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  await connection();
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=%2Fnotifications");
  const [t, locale] = await Promise.all([getTranslations("notifications"), getLocale()]);
  const items = await listNotifications({ viewer, locale });
  return (
    <ClientMessages route="notifications">
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <NotificationList items={items} />
      </div>
    </ClientMessages>
  );
}
