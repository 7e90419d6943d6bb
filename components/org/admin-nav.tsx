import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Links between the admin sections. */
export async function AdminNav({ current }: { current: "users" | "organization" | "audit" }) {
  const t = await getTranslations("org.nav");
  const links = [
    { key: "users", href: "/admin" },
    { key: "organization", href: "/admin/organization" },
    { key: "audit", href: "/admin/audit" },
  ] as const;
  return (
    <nav aria-label={t("label")} className="flex gap-4 text-sm">
      {links.map((l) => (
        <Link key={l.key} href={l.href} aria-current={l.key === current ? "page" : undefined} className={l.key === current ? "font-semibold text-slate-900 underline" : "text-slate-700 hover:underline"}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
