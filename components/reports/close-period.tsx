"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMessage } from "@/components/ui/form";
import { closePeriodAction } from "@/lib/reports/period-actions";

/**
 * The group admin's "close this period" (docs/decisions/0073): asks once more,
 * because a close is final, then refreshes the pack into its closed state.
 */
export function ClosePeriod({ periodId }: { periodId: string }) {
  const t = useTranslations("reports.pack");
  const translate = useMessage();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const id = useId();
  if (!asking)
    return (
      <button type="button" className="btn-secondary min-h-11" onClick={() => setAsking(true)}>
        {t("closeButton", { period: periodId })}
      </button>
    );
  return (
    <div role="group" aria-labelledby={`${id}-q`} className="w-full space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p id={`${id}-q`}>{t("closeConfirm", { period: periodId })}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary min-h-11"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await closePeriodAction(periodId);
              if (!r.ok) return setError(translate(r.error.message));
              setError(null);
              setAsking(false);
              router.refresh();
            })
          }
        >
          {t("closeConfirmButton")}
        </button>
        <button type="button" className="btn-secondary min-h-11" onClick={() => setAsking(false)}>
          {t("cancel")}
        </button>
      </div>
      <p aria-live="polite" className="text-red-700">
        {error}
      </p>
    </div>
  );
}
