import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";

/** The app bar: product name, the main navigation and who is signed in. */
export async function SiteHeader() {
  const t = await getTranslations("layout");
  const tRisks = await getTranslations("risks");
  const viewer = await getViewer();
  return (
    <header className="border-b border-slate-800 bg-slate-900 text-white print:hidden">
      {/* Below 1024 px the navigation takes its own row: one row would squeeze the controls until their words wrap. */}
      <div className="mx-auto flex min-h-14 w-full max-w-7xl flex-wrap items-center gap-x-4 px-4 sm:px-6 lg:flex-nowrap lg:gap-6 lg:px-8 xl:gap-8">
        <Link href="/" className="flex items-center gap-2 rounded-sm focus-visible:outline-amber-300" aria-label={t("homeLink")}>
          <LodestoneMark />
          <span className="text-lg font-semibold tracking-tight whitespace-nowrap">{t("productName")}</span>
          <span className="hidden text-sm whitespace-nowrap text-slate-300 xl:inline">{t("tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="order-last -mx-3 w-full overflow-x-auto lg:order-none lg:mx-0 lg:w-auto">
          <ul className="flex items-center gap-1">
            <li>
              <NavLink href="/dashboard" alsoCurrentAt={["/"]}>
                {t("nav.dashboard")}
              </NavLink>
            </li>
            <li>
              <NavLink href="/projects">{t("nav.projects")}</NavLink>
            </li>
            <li>
              <NavLink href="/risks">{tRisks("nav")}</NavLink>
              <NavLink href="/reports">{t("nav.reports")}</NavLink>
            </li>
            {can(viewer, "user:manage") && (
              <li>
                <NavLink href="/admin">{t("nav.admin")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-3">
          <NotificationBell viewer={viewer} />
          <LanguageSwitcher />
          <UserMenu viewer={viewer ? { name: viewer.name, role: viewer.role } : null} />
        </div>
      </div>
    </header>
  );
}

function LodestoneMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-amber-400" fill="none">
      <path d="M12 2 21 8v8l-9 6-9-6V8l9-6Z" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      <path d="M12 7v10M7.5 10 12 7l4.5 3" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
