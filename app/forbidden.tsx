import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("uxReview.forbidden");
  return { title: t("title") };
}

/** 403 of a protected page for a signed-in reader whose roles do not allow it (lib/auth/page-guard.ts). */
export default async function Forbidden() {
  const t = await getTranslations("uxReview.forbidden");
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <Link href="/projects" className="btn-primary mt-6">
        {t("link")}
      </Link>
    </div>
  );
}
