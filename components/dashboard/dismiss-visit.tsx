"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";

/** "Mark all as seen": ends this visit, so "since your last visit" starts again from now. */
export function DismissVisit() {
  const t = useTranslations("dashboard.since");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <span className="flex items-center gap-2 print:hidden">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await fetch("/dashboard/visit?dismiss=1", { method: "POST", credentials: "same-origin" }).catch(() => null);
            setFailed(!res?.ok);
            if (res?.ok) router.refresh();
          })
        }
      >
        {t("dismiss")}
      </button>
      {failed && (
        <span role="alert" className="text-red-700">
          {t("dismissFailed")}
        </span>
      )}
    </span>
  );
}
