import { useTranslations } from "next-intl";

/** Placeholder shapes while the first page of projects loads. */
export function ProjectsSkeleton() {
  const t = useTranslations("loading");
  return (
    <div className="space-y-5" aria-busy="true">
      <p role="status" className="sr-only">
        {t("projects")}
      </p>
      <div aria-hidden="true" className="animate-pulse space-y-5">
        <div className="h-8 w-40 rounded bg-slate-200" />
        <div className="h-28 rounded-lg border border-slate-200 bg-white" />
        <div className="h-4 w-24 rounded bg-slate-200" />
        <div className="rounded-lg border border-slate-200 bg-white">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="flex gap-4 border-b border-slate-100 px-3 py-4 last:border-b-0">
              <div className="h-4 flex-[3] rounded bg-slate-200" />
              <div className="h-4 flex-1 rounded bg-slate-100" />
              <div className="h-4 flex-1 rounded bg-slate-100" />
              <div className="h-4 flex-1 rounded bg-slate-100" />
              <div className="h-4 flex-1 rounded bg-slate-200" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
