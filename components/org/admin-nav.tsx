import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type AdminSection = "users" | "organization" | "audit" | "reporting" | "import" | "capex" | "tokens" | "webhooks" | "deliveries";

const INTEGRATION_SECTIONS: readonly AdminSection[] = ["tokens", "webhooks", "deliveries"];

/** Links between the admin sections. */
export async function AdminNav({ current }: { current: AdminSection }) {
  const [tOrg, tInt] = await Promise.all([getTranslations("org.nav"), getTranslations("integrations.nav")]);
  const t = (key: AdminSection) =>
    INTEGRATION_SECTIONS.includes(key)
      ? tInt(key as "tokens" | "webhooks" | "deliveries")
      : tOrg(key as Exclude<AdminSection, "tokens" | "webhooks" | "deliveries">);
  const links = [
    { key: "users", href: "/admin" },
    { key: "organization", href: "/admin/organization" },
    { key: "audit", href: "/admin/audit" },
    { key: "reporting", href: "/admin/reporting" },
    { key: "import", href: "/admin/import" },
    { key: "capex", href: "/admin/capex" },
    { key: "tokens", href: "/admin/tokens" },
    { key: "webhooks", href: "/admin/webhooks" },
    { key: "deliveries", href: "/admin/deliveries" },
  ] as const;
  return (
    <nav aria-label={tOrg("label")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {links.map((l) => (
        <Link
          key={l.key}
          href={l.href}
          aria-current={l.key === current ? "page" : undefined}
          className={l.key === current ? "font-semibold text-slate-900 underline" : "text-slate-700 hover:underline"}
        >
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}

/** The admin sections' common top: the section links, then the page's title and introduction. */
export async function AdminHeader({ current, title, intro }: { current: AdminSection; title: string; intro: string }) {
  return (
    <>
      <AdminNav current={current} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{intro}</p>
      </div>
    </>
  );
}
