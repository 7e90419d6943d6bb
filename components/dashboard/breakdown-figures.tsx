import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { atDataVersion } from "@/lib/dashboard/data-version";
import { countPortfolio } from "@/lib/dashboard/figures";
import { figureLinks, type FigureLink } from "@/lib/dashboard/figure-links";
import { countBySubsidiary } from "@/lib/dashboard/by-unit";
import { projectsHref, type DashboardFilters } from "@/lib/dashboard/filters";
import { localizedString } from "@/lib/i18n/bilingual";

/** Projects by stage, business line and region: each row a link to those projects, with a bar for its share. */
export async function BreakdownFigures({ filters }: { filters: DashboardFilters }) {
  const [t, tEnum, tOrg, format, locale] = await Promise.all([
    getTranslations("dashboard.figures"),
    getTranslations("enums"),
    getTranslations("org"),
    getFormatter(),
    getLocale(),
  ]);
  const [figures, bySubsidiary] = await Promise.all([
    atDataVersion("figures", filters, () => countPortfolio({ filters })),
    atDataVersion("by-subsidiary", filters, () => countBySubsidiary({ filters })),
  ]);
  const links = figureLinks(filters, figures);
  const unitName = (u: { nameEn: string; nameZh: string | null }) => localizedString({ en: u.nameEn, zh: u.nameZh }, locale);
  const direct = bySubsidiary.find((u) => u.code === null);
  const total = links.total.count;
  // Texts are prepared here, once: the lists are plain components (no per-row translation lookups).
  const row = (label: string) => (f: FigureLink<string>) => ({
    ...f,
    label,
    name: t("figureLabel", { label, count: f.count }),
    countText: format.number(f.count),
  });

  return (
    <div className="grid gap-x-8 gap-y-5 md:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
      <FigureList id="by-stage" title={t("byStage")} total={total} rows={links.stage.map((f) => row(tEnum(`stage.${f.key}`))(f))} />
      <FigureList id="by-line" title={t("byLine")} total={total} rows={links.line.map((f) => row(tEnum(`businessLine.${f.key}`))(f))} />
      <FigureList
        id="by-region"
        title={t("byRegion")}
        total={total}
        rows={links.region.map((f) => row(tEnum(`region.${f.key}`))(f))}
        extra={links.noRegion.count > 0 ? row(t("noRegion"))(links.noRegion) : undefined}
      />
      <FigureList
        id="by-subsidiary"
        title={tOrg("bySubsidiary")}
        total={total}
        rows={bySubsidiary.flatMap((u) => (u.code ? [row(unitName(u))({ key: u.code, count: u.count, href: projectsHref(filters, { org: [u.code] }) })] : []))}
        unlinked={
          direct ? { label: tOrg("directly", { name: unitName(direct) }), countText: format.number(direct.count), note: tOrg("directlyNote") } : undefined
        }
      />
    </div>
  );
}

interface FigureListProps {
  id: string;
  title: string;
  total: number;
  rows: (FigureLink<string> & { label: string; name: string; countText: string })[];
  /** A last row after the values (the projects without a region). */
  extra?: FigureLink<string> & { label: string; name: string; countText: string };
  /** A count the projects table cannot filter on (the projects held directly by a unit): shown as text. */
  unlinked?: { label: string; countText: string; note: string };
}

function FigureList({ id, title, total, rows, extra, unlinked }: FigureListProps) {
  const width = (n: number) => `${total ? Math.max(n > 0 ? 1 : 0, Math.round((n / total) * 100)) : 0}%`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1.5 text-sm font-semibold text-slate-800">
        {title}
      </h3>
      <ul className="space-y-0.5 text-sm">
        {[...rows, ...(extra ? [extra] : [])].map((r) => (
          <li key={r.key} className={r.count === 0 ? "figure-zero" : undefined}>
            <Link
              href={r.href}
              aria-label={r.name}
              className={`group grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 rounded px-1.5 py-1 hover:bg-slate-100 ${r.count === 0 ? "text-slate-600" : "text-slate-900"}`}
            >
              <span className="truncate group-hover:underline">{r.label}</span>
              <span className="tabular-nums">{r.countText}</span>
              <span aria-hidden="true" className="col-span-2 mt-0.5 h-1.5 rounded-full bg-slate-100">
                <span className="block h-full rounded-full bg-blue-600" style={{ width: width(r.count) }} />
              </span>
            </Link>
          </li>
        ))}
        {unlinked && (
          <li className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 px-1.5 py-1 text-slate-700">
            <span>
              {unlinked.label} <span className="text-xs text-slate-600">({unlinked.note})</span>
            </span>
            <span className="tabular-nums">{unlinked.countText}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
