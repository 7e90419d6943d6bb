import "server-only";
import type { Viewer } from "../auth/session";
import { db } from "../db/client";
import { isLocale, DEFAULT_LOCALE } from "../i18n/config";
import { renderNotification } from "./email-template";
import type { NotificationKind, NotificationParams } from "./notify";
import { NOTIFICATION_KINDS } from "./notify";

export interface NotificationView {
  id: string;
  text: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

export async function unreadNotificationCount(viewer: Viewer | null): Promise<number> {
  if (!viewer) return 0;
  return (await db()).notification.count({ where: { userId: viewer.id, readAt: null } });
}

/** The viewer's notifications, newest first, as text in the interface language. */
export async function listNotifications({ viewer, locale, limit = 100 }: { viewer: Viewer; locale: string; limit?: number }): Promise<NotificationView[]> {
  const rows = await (await db()).notification.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" }, take: limit });
  const loc = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return rows
    .filter((n) => (NOTIFICATION_KINDS as readonly string[]).includes(n.kind))
    .map((n) => ({
      id: n.id,
      text: renderNotification(n.kind as NotificationKind, n.params as NotificationParams, loc).title,
      link: n.link,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    }));
}
