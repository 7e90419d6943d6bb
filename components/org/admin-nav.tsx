import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type AdminSection = "users" | "organization" | "audit" | "reporting" | "import" | "capex";

/** Links between the admin sections. */
export async function AdminNav({ current }: { current: AdminSection }) {
  const t = await getTranslations("org.nav");
  const links = [
    { key: "users", href: "/admin" },
    { key: "organization", href: "/admin/organization" },
    { key: "audit", href: "/admin/audit" },
    { key: "reporting", href: "/admin/reporting" },
    { key: "import", href: "/admin/import" },
    { key: "capex", href: "/admin/capex" },
  ] as const;
  return (
    <nav aria-label={t("label")} className="flex gap-4 text-sm">
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
