"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useTranslations } from "next-intl";

// A generic message only: details (stack, SQL) stay in the server log; the
// digest lets support match a report to that log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      <div className="mt-6 flex items-center justify-center gap-4">
        <button type="button" onClick={reset} className="btn-primary">
          {t("retry")}
        </button>
        <Link href="/projects" className="link text-sm">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
