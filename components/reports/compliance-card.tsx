import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/session";
import { getReportingCompliance } from "@/lib/reports/compliance";

/** Reporting compliance for a period: reported / awaiting review / due / overdue, per subsidiary. */
export async function ComplianceCard({ viewer, periodId }: { viewer: Viewer | null; periodId: string }) {
  const [t, locale] = await Promise.all([getTranslations("reports.compliance"), getLocale()]);
  const c = await getReportingCompliance({ viewer, periodId });
  const zh = locale === "zh-CN";
  const tiles = [
    { key: "reported", value: c.totals.reported, className: "border-emerald-700/40" },
    { key: "submitted", value: c.totals.submitted, className: "border-blue-700/40" },
    { key: "due", value: c.totals.due, className: "border-slate-500/50" },
    { key: "overdue", value: c.totals.overdue, className: c.totals.overdue ? "border-red-700 text-red-700" : "border-slate-500/50" },
  ] as const;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-2 text-center sm:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.key} className={`rounded-md border p-2 ${tile.className}`}>
            <dt className="text-xs text-slate-700">{t(tile.key)}</dt>
            <dd className="text-2xl font-semibold">{tile.value}</dd>
          </div>
        ))}
      </dl>
      <ul className="divide-y divide-slate-200 text-sm">
        {c.rows.map((r) => (
          <li key={r.code ?? "group"} className="flex flex-wrap justify-between gap-x-2 py-1">
            <span className="min-w-0 break-words">{r.code === null ? t("group") : zh && r.nameZh ? r.nameZh : r.nameEn}</span>
            <span className="text-slate-700">
              {t("reported")} {r.reported} · {t("submitted")} {r.submitted} · {t("due")} {r.due} · {t("overdue")} {r.overdue}
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
