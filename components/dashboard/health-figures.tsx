import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { atDataVersion } from "@/lib/dashboard/data-version";
import { countPortfolio } from "@/lib/dashboard/figures";
import { figureLinks } from "@/lib/dashboard/figure-links";
import type { DashboardFilters } from "@/lib/dashboard/filters";
import { HealthShape } from "./health-shape";

const TILE_STYLE = {
  ON_TRACK: "border-emerald-700/40 hover:bg-emerald-50",
  AT_RISK: "border-amber-700/50 hover:bg-amber-50",
  OFF_TRACK: "border-red-700/40 hover:bg-red-50",
  NOT_ASSESSED: "border-slate-500/50 hover:bg-slate-50",
} as const;

/** The headline: how many projects, and how many on track, at risk, off track, not assessed; each a link to those projects. */
export async function HealthFigures({ filters }: { filters: DashboardFilters }) {
  const [t, tEnum, format] = await Promise.all([getTranslations("dashboard.figures"), getTranslations("enums.health"), getFormatter()]);
  const links = figureLinks(filters, await atDataVersion("figures", filters, () => countPortfolio({ filters })));
  const total = links.total.count;
  const share = (n: number) => (total ? format.number(n / total, { style: "percent", maximumFractionDigits: 0 }) : "");

  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5 print:gap-2">
      <li className="col-span-2 sm:col-span-1">
        <Link
          href={links.total.href}
          aria-label={t("figureLabel", { label: t("allProjects"), count: total })}
          className="flex h-full flex-col justify-between rounded-md border border-blue-700/40 p-3 hover:bg-blue-50"
        >
          <span className="text-sm font-medium text-slate-700">{t("allProjects")}</span>
          <span className="mt-1 text-3xl font-semibold tabular-nums text-slate-900">{format.number(total)}</span>
        </Link>
      </li>
      {links.health.map((f) => (
        <li key={f.key}>
          <Link
            href={f.href}
            aria-label={t("figureLabel", { label: tEnum(f.key), count: f.count })}
            className={`flex h-full flex-col justify-between rounded-md border p-3 ${TILE_STYLE[f.key]}`}
          >
            <span className="flex items-center gap-1.5 text-sm font-medium text-slate-700">
              <HealthShape health={f.key} />
              {tEnum(f.key)}
            </span>
            <span className="mt-1 flex items-baseline gap-2">
              <span className="text-3xl font-semibold tabular-nums text-slate-900">{format.number(f.count)}</span>
              <span className="text-sm tabular-nums text-slate-600">{share(f.count)}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
