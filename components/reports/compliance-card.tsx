import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { getReportingCompliance } from "@/lib/reports/compliance";

/** Reporting compliance for a period: reported / awaiting review / due or overdue, per group. */
export async function ComplianceCard({ viewer, periodId }: { viewer: Viewer | null; periodId: string }) {
  const [t, tEnum] = await Promise.all([getTranslations("reports.compliance"), getTranslations("enums")]);
  const c = await getReportingCompliance({ viewer, periodId });
  const openLabel = c.overdue ? t("overdue") : t("due");
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-3 gap-2 text-center">
        <div className="rounded-md border border-emerald-700/40 p-2">
          <dt className="text-xs text-slate-700">{t("reported")}</dt>
          <dd className="text-2xl font-semibold">{c.totals.reported}</dd>
        </div>
        <div className="rounded-md border border-blue-700/40 p-2">
          <dt className="text-xs text-slate-700">{t("submitted")}</dt>
          <dd className="text-2xl font-semibold">{c.totals.submitted}</dd>
        </div>
        <div className={`rounded-md border p-2 ${c.overdue && c.totals.open ? "border-red-700" : "border-slate-500/50"}`}>
          <dt className="text-xs text-slate-700">{openLabel}</dt>
          <dd className={`text-2xl font-semibold ${c.overdue && c.totals.open ? "text-red-700" : ""}`}>{c.totals.open}</dd>
        </div>
      </dl>
      <ul className="divide-y divide-slate-200 text-sm">
        {c.rows.map((r) => (
          <li key={r.key} className="flex flex-wrap justify-between gap-2 py-1">
            <span>{tEnum(`businessLine.${r.key}`)}</span>
            <span className="text-slate-700">
              {t("reported")} {r.reported} · {t("submitted")} {r.submitted} · {openLabel} {r.open}
            </span>
          </li>
        ))}
      </ul>
      <Link href={`/reports/${c.periodId}`} className="link inline-flex min-h-11 items-center">
        {t("openPack")}
      </Link>
    </div>
  );
}
