import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Links between the admin sections. */
type Section = "users" | "organization" | "audit" | "tokens" | "webhooks" | "deliveries";

export async function AdminNav({ current }: { current: Section }) {
  const [tOrg, tInt] = await Promise.all([getTranslations("org.nav"), getTranslations("integrations.nav")]);
  const t = (key: Section) => (key === "tokens" || key === "webhooks" || key === "deliveries" ? tInt(key) : tOrg(key));
  const links = [
    { key: "users", href: "/admin" },
    { key: "organization", href: "/admin/organization" },
    { key: "audit", href: "/admin/audit" },
    { key: "tokens", href: "/admin/tokens" },
    { key: "webhooks", href: "/admin/webhooks" },
    { key: "deliveries", href: "/admin/deliveries" },
  ] as const;
  return (
    <nav aria-label={tOrg("label")} className="flex gap-4 text-sm">
      {links.map((l) => (
        <Link key={l.key} href={l.href} aria-current={l.key === current ? "page" : undefined} className={l.key === current ? "font-semibold text-slate-900 underline" : "text-slate-700 hover:underline"}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}

/** The admin sections' common top: the section links, then the page's title and introduction. */
export async function AdminHeader({ current, title, intro }: { current: Section; title: string; intro: string }) {
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
