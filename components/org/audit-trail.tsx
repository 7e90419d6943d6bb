import { getTranslations } from "next-intl/server";
import type { AuditFilters } from "@/lib/audit/audit-filters";
import type { AuditRow } from "@/lib/audit/list-audit";
import { AdminHeader } from "./admin-nav";

const input = "mt-1 block rounded-md border border-slate-400 px-2 py-1.5 text-sm";

/** The audit trail with its filters (a GET form: the URL is the state) and a CSV export of what it shows. */
export async function AuditTrail({ filters, rows, total, exportHref }: { filters: AuditFilters; rows: AuditRow[]; total: number; exportHref: string }) {
  const t = await getTranslations("org.audit");
  const field = (key: "action" | "entityType" | "actor" | "from" | "to", type = "text") => (
    <label className="text-sm font-medium text-slate-800" htmlFor={`audit-${key}`}>
      {t(key)}
      <input id={`audit-${key}`} name={key} type={type} defaultValue={filters[key] ?? ""} className={input} />
    </label>
  );
  return (
    <div className="space-y-5">
      <AdminHeader current="audit" title={t("title")} intro={t("intro")} />
      <form method="get" aria-label={t("filters")} className="flex flex-wrap items-end gap-3">
        {field("action")}
        {field("entityType")}
        {field("actor")}
        {field("from", "date")}
        {field("to", "date")}
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
          {t("apply")}
        </button>
        <a href={exportHref} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-900">
          {t("export")}
        </a>
      </form>
      <p className="text-sm text-slate-700">{t("count", { count: total })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-xs">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {(["at", "actor", "action", "entity", "before", "after", "reason"] as const).map((k) => (
                <th key={k} scope="col" className="border-b border-slate-300 px-3 py-2 font-semibold">
                  {t(`columns.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-4 text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={r.at}>{r.at.replace("T", " ").slice(0, 19)}</time>
                  </td>
                  <td className="px-3 py-2">
                    {r.actorName}
                    {r.onBehalfOfId && <span className="block text-xs text-slate-600">{t("onBehalfOf", { id: r.onBehalfOfId })}</span>}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-2 font-mono text-xs">{`${r.entityType} ${r.entityId}`}</td>
                  <td className="max-w-xs px-3 py-2 font-mono text-xs break-all">{r.before}</td>
                  <td className="max-w-xs px-3 py-2 font-mono text-xs break-all">{r.after}</td>
                  <td className="px-3 py-2">{r.reason}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
