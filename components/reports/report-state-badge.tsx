import { useTranslations } from "next-intl";
import type { ReportState } from "@/lib/reports/report-states";

const STYLES: Record<ReportState | "MISSING", string> = {
  DRAFT: "bg-slate-100 text-slate-800 ring-slate-600/30",
  SUBMITTED: "bg-blue-50 text-blue-800 ring-blue-700/30",
  RETURNED: "bg-amber-50 text-amber-900 ring-amber-700/40",
  PUBLISHED: "bg-emerald-50 text-emerald-800 ring-emerald-700/30",
  MISSING: "bg-red-50 text-red-800 ring-red-700/30",
};

export function ReportStateBadge({ state }: { state: ReportState | "MISSING" }) {
  const t = useTranslations("reports.states");
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${STYLES[state]}`}>
      {t(state)}
    </span>
  );
}
