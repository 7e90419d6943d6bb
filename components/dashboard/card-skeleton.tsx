import { useTranslations } from "next-intl";

/** Placeholder lines while a card's data loads. */
export function CardSkeleton({ rows = 4 }: { rows?: number }) {
  const t = useTranslations("dashboard");
  return (
    <div aria-busy="true">
      <p className="sr-only">{t("loadingCard")}</p>
      <div aria-hidden="true" className="animate-pulse space-y-3">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-3">
            <div className="h-4 flex-[3] rounded bg-slate-200" />
            <div className="h-4 flex-1 rounded bg-slate-100" />
          </div>
        ))}
      </div>
    </div>
  );
}
