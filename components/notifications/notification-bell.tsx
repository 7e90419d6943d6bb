import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { unreadNotificationCount } from "@/lib/notifications/read-notifications";

/** The bell in the app bar: a link to the notifications with the unread count (hidden when signed out). */
export async function NotificationBell({ viewer }: { viewer: Viewer | null }) {
  if (!viewer) return null;
  const [t, unread] = await Promise.all([getTranslations("notifications"), unreadNotificationCount(viewer)]);
  return (
    <Link
      href="/notifications"
      aria-label={t("bellUnread", { count: unread })}
      className="relative inline-flex h-11 w-11 items-center justify-center rounded-md hover:bg-slate-800 focus-visible:outline-amber-300"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-1 right-1 min-w-4 rounded-full bg-amber-400 px-1 text-center text-[10px] leading-4 font-bold text-slate-900"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
