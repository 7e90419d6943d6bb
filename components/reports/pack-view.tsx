import type { ReactNode } from "react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { HealthBadge } from "@/components/ui/health-badge";
import type { PackGroup, ReportPack } from "@/lib/reports/read-reports";
import { ChangeList } from "./change-list";
import { ReportStateBadge } from "./report-state-badge";

/**
 * The report pack of a period. Phone first: headline changes, then who has
 * not reported, then the figures, then every report by group; lists, not
 * wide tables, so nothing scrolls sideways at 390 px.
 */
const groupId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, "-");

export function PackView({
  pack,
  periods,
  units,
  exportBase,
  closeControl,
}: {
  pack: ReportPack;
  periods: { months: string[]; quarters: string[]; years: string[] };
  units: { value: string; label: string }[];
  exportBase: string;
  /** the group admin's close control, for an open month that has ended */
  closeControl?: ReactNode;
}) {
  const t = useTranslations("reports.pack");
  const tEnum = useTranslations("enums");
  const zh = useLocale() === "zh-CN";
  const format = useFormatter();
  const name = (r: { nameEn: string; nameZh: string | null }) => (zh && r.nameZh ? r.nameZh : r.nameEn);
  const all = pack.groups.flatMap((g) => g.reports);
  const headline = all.filter((r) => r.changes.some((c) => c.severity === "bad" || c.severity === "warning"));
  const figureLabel = (key: string) =>
    t.has(`figureKeys.${key}` as never) ? t(`figureKeys.${key}` as never) : key.startsWith("kpi.") ? t("kpiFigure", { key: key.slice(4) }) : key;
  const unitQuery = pack.unit ? `&unit=${encodeURIComponent(pack.unit.code)}` : "";
  const groupName = (g: PackGroup) =>
    `${g.subsidiary ? name(g.subsidiary) : t("groupOwned")} · ${g.businessLine ? tEnum(`businessLine.${g.businessLine}` as never) : "—"}`;
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t("title", { period: pack.periodId })}</h1>
        <p className="text-sm text-slate-700">
          {t("published", { published: pack.published, inScope: pack.inScope })} · {t("dueOn", { date: day(`${pack.dueOn}T00:00:00Z`) })}
        </p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="pack-period" className="block text-sm text-slate-700">
              {t("period")}
            </label>
            <select id="pack-period" name="period" defaultValue={pack.periodId} className="field-control min-h-11 w-40">
              {(["months", "quarters", "years"] as const).map((kind) => (
                <optgroup key={kind} label={t(kind)}>
                  {periods[kind].map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {units.length > 1 && (
            // Full width on a phone: a long unit name must not widen the page.
            <div className="w-full min-w-0 sm:w-auto">
              <label htmlFor="pack-unit" className="block text-sm text-slate-700">
                {t("unit")}
              </label>
              <select id="pack-unit" name="unit" defaultValue={pack.unit?.code ?? ""} className="field-control min-h-11 w-full sm:w-72">
                <option value="">{t("allUnits")}</option>
                {units.map((u) => (
                  <option key={u.value} value={u.value}>
                    {u.label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="btn-secondary min-h-11">
            {t("show")}
          </button>
          <a href={`${exportBase}?format=xlsx${unitQuery}`} className="btn-secondary min-h-11" download>
            {t("downloadXlsx")}
          </a>
          <a href={`${exportBase}?format=pdf${unitQuery}`} className="btn-secondary min-h-11" download>
            {t("downloadPdf")}
          </a>
        </form>
        {pack.span === "month" && pack.months[0]?.closedAt && (
          <p className="rounded-md border border-slate-300 bg-slate-50 p-2 text-sm text-slate-800">
            {t("closedNotice", { date: day(pack.months[0].closedAt), name: pack.months[0].closedByName ?? "—" })}
          </p>
        )}
        {pack.span === "month" && !pack.months[0]?.closedAt && closeControl}
      </header>

      {pack.span !== "month" && (
        <section aria-labelledby="pack-months">
          <h2 id="pack-months" className="mb-1 text-lg font-semibold">
            {t("monthsTitle", { span: pack.span })}
          </h2>
          <p className="mb-2 text-sm text-slate-600">{t("spanNote", { span: pack.span })}</p>
          <ul className="divide-y divide-slate-200">
            {pack.months.map((m) => (
              <li key={m.periodId} className="flex flex-wrap items-center gap-2 py-1 text-sm">
                <Link
                  href={`/reports/${m.periodId}${pack.unit ? `?unit=${encodeURIComponent(pack.unit.code)}` : ""}`}
                  className="link inline-flex min-h-11 items-center"
                >
                  {m.periodId}
                </Link>
                <span>{t("monthLine", { published: m.published, inScope: pack.inScope })}</span>
                <span className="text-slate-600">{m.closedAt ? t("monthClosed", { date: day(m.closedAt) }) : t("monthOpen")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="pack-headlines">
        <h2 id="pack-headlines" className="mb-2 text-lg font-semibold">
          {t("headlines")}
        </h2>
        {headline.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noHeadlines")}</p>
        ) : (
          <ul className="space-y-3">
            {headline.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-300 p-3">
                <Link href={`/projects/${r.slug}/reports/${r.id}`} className="link inline-flex min-h-11 items-center font-medium">
                  {name(r)}
                </Link>
                <ChangeList changes={r.changes.filter((c) => c.severity === "bad" || c.severity === "warning")} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pack-not-reported">
        <h2 id="pack-not-reported" className="mb-2 text-lg font-semibold">
          {t("notReported")} ({pack.notReported.length})
        </h2>
        {pack.notReported.length === 0 ? (
          <p className="text-sm text-slate-600">{t("allReported")}</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {pack.notReported.map((p) => (
              <li key={p.slug} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <Link href={`/projects/${p.slug}`} className="link inline-flex min-h-11 items-center">
                  {name(p)}
                </Link>
                <ReportStateBadge state={p.state} />
                <span className="text-slate-600">{t("since", { date: day(p.since) })}</span>
                <span className="text-slate-600">{t("dueOnShort", { date: day(`${p.dueOn}T00:00:00Z`) })}</span>
                {p.overdue && <span className="font-medium text-red-700">{t("overdue")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pack-figures">
        <h2 id="pack-figures" className="mb-2 text-lg font-semibold">
          {t("figures")}
        </h2>
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {Object.entries(pack.healthCounts).map(([h, n]) => (
            <div key={h} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 p-2">
              <dt>{tEnum(`health.${h}` as never)}</dt>
              <dd className="font-semibold">{n}</dd>
            </div>
          ))}
          {pack.figures.map((f) => (
            <div key={`${f.key}-${f.currency}`} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 p-2">
              <dt>
                {figureLabel(f.key)}
                {f.currency ? ` (${f.currency})` : ""}
              </dt>
              <dd className="font-semibold">{format.number(Number(f.sum))}</dd>
            </div>
          ))}
        </dl>
      </section>

      {pack.groups.map((g) => (
        <section key={g.key} aria-labelledby={`pack-group-${groupId(g.key)}`}>
          <h2 id={`pack-group-${groupId(g.key)}`} className="mb-2 text-lg font-semibold">
            {groupName(g)} ({g.reports.length})
          </h2>
          <ul className="space-y-3">
            {g.reports.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/projects/${r.slug}/reports/${r.id}`} className="link inline-flex min-h-11 items-center font-medium">
                    {name(r)}
                  </Link>
                  {r.health && <HealthBadge health={r.health} />}
                  {r.progressPercent !== null && <span className="text-sm text-slate-700">{r.progressPercent} %</span>}
                  {pack.span !== "month" && <span className="text-sm text-slate-600">{t("fromMonth", { period: r.periodId })}</span>}
                </div>
                {r.changes.length > 0 && <ChangeList changes={r.changes} className="mt-1" />}
                {(zh ? r.narrative.summaryZh || r.narrative.summaryEn : r.narrative.summaryEn || r.narrative.summaryZh) && (
                  <p className="mt-1 text-sm text-slate-700">
                    {zh ? r.narrative.summaryZh || r.narrative.summaryEn : r.narrative.summaryEn || r.narrative.summaryZh}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
