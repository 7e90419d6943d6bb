"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationView } from "@/lib/notifications/read-notifications";

/** The viewer's notifications, unread first marked; each can be marked read, or all at once. */
export function NotificationList({ items }: { items: NotificationView[] }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const mark = (input: unknown) =>
    start(async () => {
      await markNotificationsReadAction(input);
      router.refresh();
    });
  if (!items.length) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      {items.some((n) => !n.read) && (
        <button type="button" className="btn-secondary min-h-11" disabled={pending} onClick={() => mark({ all: true })}>
          {t("markAllRead")}
        </button>
      )}
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-300">
        {items.map((n) => (
          <li key={n.id} className={`flex flex-wrap items-center gap-3 p-3 ${n.read ? "" : "bg-amber-50"}`}>
            <div className="min-w-0 flex-1">
              {!n.read && <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-950">{t("unread")}</span>}
              {n.link ? (
                <Link href={n.link} className="link">
                  {n.text}
                </Link>
              ) : (
                <span>{n.text}</span>
              )}
              <p className="text-xs text-slate-600">
                <time dateTime={n.createdAt}>
                  {format.dateTime(new Date(n.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" })}
                </time>
              </p>
            </div>
            {!n.read && (
              <button
                type="button"
                className="btn-secondary min-h-11"
                disabled={pending}
                onClick={() => mark({ id: n.id })}
                aria-label={`${t("markRead")}: ${n.text}`}
              >
                {t("markRead")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
