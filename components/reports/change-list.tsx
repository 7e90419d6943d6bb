import { useLocale, useTranslations } from "next-intl";
import { changeValues } from "@/lib/reports/change-values";
import type { ReportChange } from "@/lib/reports/snapshot/types";

const MARK: Record<ReportChange["severity"], { sign: string; className: string }> = {
  bad: { sign: "▼", className: "text-red-700" },
  warning: { sign: "!", className: "text-amber-700" },
  good: { sign: "▲", className: "text-emerald-700" },
  info: { sign: "•", className: "text-slate-500" },
};

/** The "what changed" lines of a report, worst first; the sign repeats the colour's meaning. */
export function ChangeList({ changes, className = "" }: { changes: ReportChange[]; className?: string }) {
  const t = useTranslations("reports.changes");
  const tEnum = useTranslations("enums");
  const tReports = useTranslations("reports");
  const zh = useLocale() === "zh-CN";
  const order: ReportChange["severity"][] = ["bad", "warning", "good", "info"];
  const sorted = [...changes].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const values = (c: ReportChange) => changeValues(c, { zh, enumLabel: (k) => tEnum(k as never), reportsLabel: (k) => tReports(k as never) });
  return (
    <ul className={`space-y-1 ${className}`}>
      {sorted.map((c, i) => (
        <li key={`${c.kind}-${i}`} className="flex gap-2 text-sm text-slate-800">
          <span aria-hidden="true" className={`w-4 shrink-0 text-center font-bold ${MARK[c.severity].className}`}>
            {MARK[c.severity].sign}
          </span>
          <span>{t(c.kind as never, values(c) as never)}</span>
        </li>
      ))}
    </ul>
  );
}
